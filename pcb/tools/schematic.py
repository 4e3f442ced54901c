"""Extracts the netlist of a single-sheet KiCad 6 schematic from its S-expressions.

KiCad connects items whose connection points coincide: symbol pins (their `at` point is the
electrical end), wire ends, labels and power symbols; a wire end, label or pin lying on another
wire's interior joins it as well. This module follows the same rules, so a pin's net is whatever a
reader of the schematic would see: the label (or power symbol) its wires lead to.
"""
import math
import sys
from pathlib import Path

import sexpr
from sexpr import children, child, prop

SCALE = 10000  # points are compared on a 0.1 um grid


def _key(x, y):
    return (round(x * SCALE), round(y * SCALE))


class SchematicError(Exception):
    pass


class Pin:
    def __init__(self, ref, number, name, x, y, ptype):
        self.ref, self.number, self.name, self.x, self.y, self.type = ref, number, name, x, y, ptype

    def __repr__(self):
        return f"{self.ref}.{self.number}"


class Netlist:
    """pins: {(ref, number): Pin}; nets: {(ref, number): net name}; values: {ref: Value property}."""

    def __init__(self, pins, nets, values, footprints, no_connects):
        self.pins, self.nets, self.values, self.footprints, self.no_connects = pins, nets, values, footprints, no_connects

    def net(self, ref, number):
        return self.nets.get((ref, str(number)))

    def pins_of(self, net):
        return sorted((k for k, v in self.nets.items() if v == net), key=lambda k: (k[0], _natural(k[1])))


def _natural(s):
    return (0, int(s)) if s.isdigit() else (1, s)


def _lib_pins(lib_symbol):
    """Pins of a library symbol in its own coordinates (y up), from all its units."""
    pins = []
    for unit in children(lib_symbol, 'symbol'):
        for p in children(unit, 'pin'):
            at = child(p, 'at')
            name = child(p, 'name')
            number = child(p, 'number')
            pins.append((str(number[1]), str(name[1]) if name else '', float(at[1]), float(at[2]), str(p[1])))
    for p in children(lib_symbol, 'pin'):
        at = child(p, 'at')
        pins.append((str(child(p, 'number')[1]), str(child(p, 'name')[1]), float(at[1]), float(at[2]), str(p[1])))
    return pins


def _place(x, y, at, mirror):
    """Library point (y up) to sheet point (y down) for an instance at (X, Y, angle)."""
    px, py = x, -y
    angle = int(round(float(at[3]))) % 360 if len(at) > 3 else 0
    for _ in range(angle // 90):  # each step turns 90 degrees counter-clockwise on screen
        px, py = py, -px
    if angle % 90:
        raise SchematicError(f"symbol rotated by {angle} degrees: only multiples of 90 exist in KiCad")
    if mirror == 'x':
        py = -py
    elif mirror == 'y':
        px = -px
    return float(at[1]) + px, float(at[2]) + py


def _on_segment(p, a, b):
    """Whether point p lies on segment a-b (not only at its ends)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax)
    length = math.hypot(bx - ax, by - ay)
    if length == 0 or abs(cross) / length > 5:  # more than 0.5 um off the wire's line
        return False
    return min(ax, bx) <= px <= max(ax, bx) and min(ay, by) <= py <= max(ay, by)


def read(path):
    root = sexpr.parse(Path(path).read_text(encoding='utf-8'))
    if sexpr.head(root) != 'kicad_sch':
        raise SchematicError(f"{path}: not a KiCad schematic (root is {sexpr.head(root)})")
    if children(root, 'sheet'):
        raise SchematicError(f"{path}: hierarchical sheets are not supported by this checker")
    lib = {}
    lib_symbols = child(root, 'lib_symbols') or ['lib_symbols']
    power_syms = set()
    for s in children(lib_symbols, 'symbol'):
        lib[str(s[1])] = _lib_pins(s)
        if child(s, 'power') is not None:
            power_syms.add(str(s[1]))

    parent = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    pins, values, footprints, names_at = {}, {}, {}, []
    for inst in children(root, 'symbol'):
        lib_id = str(child(inst, 'lib_id')[1])
        if lib_id not in lib:
            raise SchematicError(f"{path}: symbol {lib_id} is used but missing from lib_symbols")
        at = child(inst, 'at')
        mirror_node = child(inst, 'mirror')
        mirror = str(mirror_node[1]) if mirror_node else None
        ref = prop(inst, 'Reference')
        if lib_id in power_syms:
            for number, _, x, y, _ in lib[lib_id]:
                sx, sy = _place(x, y, at, mirror)
                names_at.append((_key(sx, sy), prop(inst, 'Value'), f"power symbol {ref}"))
            continue
        if ref in values:
            raise SchematicError(f"{path}: reference {ref} is used twice")
        values[ref] = prop(inst, 'Value')
        footprints[ref] = prop(inst, 'Footprint')
        for number, name, x, y, ptype in lib[lib_id]:
            sx, sy = _place(x, y, at, mirror)
            pins[(ref, number)] = Pin(ref, number, name, sx, sy, ptype)
            find(_key(sx, sy))

    wires = []
    for w in children(root, 'wire'):
        pts = [c for c in child(w, 'pts')[1:] if c[0] == 'xy']
        a, b = _key(float(pts[0][1]), float(pts[0][2])), _key(float(pts[-1][1]), float(pts[-1][2]))
        union(a, b)
        wires.append((a, b))
    for kind in ('label', 'global_label'):
        for lb in children(root, kind):
            at = child(lb, 'at')
            names_at.append((_key(float(at[1]), float(at[2])), str(lb[1]), kind))
    for k, _, _ in names_at:
        find(k)
    no_connects = {_key(float(child(nc, 'at')[1]), float(child(nc, 'at')[2])) for nc in children(root, 'no_connect')}

    # anything ending on a wire's interior joins that wire
    points = set(parent.keys())
    for a, b in wires:
        for p in points:
            if p != a and p != b and _on_segment(p, a, b):
                union(p, a)

    names = {}
    for k, name, what in names_at:
        r = find(k)
        if r in names and names[r] != name:
            raise SchematicError(f"{path}: nets {names[r]} and {name} are joined (a {what} at "
                                 f"{k[0] / SCALE}, {k[1] / SCALE} touches both)")
        names[r] = name
    nets = {}
    for key, pin in pins.items():
        r = find(_key(pin.x, pin.y))
        if r in names:
            nets[key] = names[r]
        else:
            members = [p for p in pins.values() if find(_key(p.x, p.y)) == r]
            if len(members) > 1:
                first = min(members, key=lambda p: (p.ref, _natural(p.number)))
                nets[key] = f"Net-({first.ref}-Pad{first.number})"
    ncs = {key for key, pin in pins.items() if _key(pin.x, pin.y) in no_connects}
    return Netlist(pins, nets, values, footprints, ncs)


if __name__ == '__main__':
    netlist = read(sys.argv[1])
    by_net = {}
    for (ref, number), net in netlist.nets.items():
        by_net.setdefault(net, []).append(f"{ref}.{number}")
    for net in sorted(by_net):
        print(net, ' '.join(sorted(by_net[net])))
