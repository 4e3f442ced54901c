#!/usr/bin/env python3
"""Renders every enclosure part to STL with OpenSCAD and checks each one.

Checks per part: OpenSCAD renders it without a warning or error; admesh finds a closed,
manifold, single-piece mesh (no edges to fix, facets to add or reverse, no disconnected facets);
it fits a 220 x 220 x 250 mm print bed as oriented; and each tray's standoffs sit on the
Raspberry Pi's 58 x 49 mm hole pattern, with material at the top of every standoff.

    python3 enclosure-cad/render.py [--out DIR] [--jobs N] [--only NAME] [--define VAR=VALUE]

Writes DIR/*.stl (default enclosure-cad/build/stl); exit code 0 when every check passes.
"""
import argparse
import math
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / 'racklet.scad'
BED = (220.0, 220.0, 250.0)
PI_PATTERN = (58.0, 49.0)
TOL = 0.01

# (STL name, part, rack units): the units pick the 2U or 3U variant (and the 80 or 92 mm fan)
PARTS = [
    ('side-2u', 'side', 2), ('side-3u', 'side', 3),
    ('rail', 'rail', 2),
    ('tray-2u', 'tray', 2), ('tray-3u', 'tray', 3),
    ('fan-mount-80', 'fan_mount', 2), ('fan-mount-92', 'fan_mount', 3),
    ('backplane-holder', 'backplane_holder', 2),
]

ADMESH_FIELDS = {
    'parts': r'Number of parts\s*:\s*(\d+)',
    'degenerate': r'Degenerate facets\s*:\s*(\d+)',
    'edges_fixed': r'Edges fixed\s*:\s*(\d+)',
    'facets_removed': r'Facets removed\s*:\s*(\d+)',
    'facets_added': r'Facets added\s*:\s*(\d+)',
    'facets_reversed': r'Facets reversed\s*:\s*(\d+)',
    'backwards_edges': r'Backwards edges\s*:\s*(\d+)',
    'disconnected': r'Total disconnected facets\s*:\s*(\d+)',
    'facets': r'Number of facets\s*:\s*(\d+)',
}


def render(name, part, units, out, defines=()):
    stl = out / f'{name}.stl'
    t0 = time.time()
    extra = [arg for d in defines for arg in ('-D', d)]
    proc = subprocess.run(['openscad', '-D', f'part="{part}"', '-D', f'units={units}', *extra, '-o', str(stl),
                           str(SOURCE)], capture_output=True, text=True, timeout=600)
    seconds = time.time() - t0
    errors = []
    log = proc.stderr
    bad = [line for line in log.splitlines() if re.match(r'\s*(WARNING|ERROR|DEPRECATED)', line)]
    if proc.returncode != 0:
        errors.append(f"openscad exited with {proc.returncode}")
    errors += [f"openscad: {line.strip()}" for line in bad]
    echoes = re.findall(r'ECHO: "([^"]*)"', log)
    result = {'name': name, 'seconds': seconds, 'errors': errors, 'echoes': echoes, 'stl': stl}
    if not errors:
        check_mesh(result)
    if part == 'tray' and not result['errors']:
        check_standoffs(result)
    return result


def check_mesh(result):
    stl = result['stl']
    if not stl.exists() or stl.stat().st_size == 0:
        result['errors'].append("no STL written")
        return
    proc = subprocess.run(['admesh', str(stl)], capture_output=True, text=True, timeout=300)
    report = proc.stdout
    if proc.returncode != 0:
        result['errors'].append(f"admesh exited with {proc.returncode}: {proc.stderr.strip()}")
        return
    stats = {}
    for key, pattern in ADMESH_FIELDS.items():
        m = re.search(pattern, report)
        if not m:
            result['errors'].append(f"admesh report lacks '{key}'")
            return
        stats[key] = int(m.group(1))
    size = []
    for axis in 'XYZ':
        lo = float(re.search(rf'Min {axis}\s*=\s*(-?[\d.]+)', report).group(1))
        hi = float(re.search(rf'Max {axis}\s*=\s*(-?[\d.]+)', report).group(1))
        size.append(hi - lo)
    volume = float(re.search(r'Volume\s*:\s*([\d.]+)', report).group(1))
    result.update(size=size, volume=volume, facets=stats['facets'])
    for key in ('degenerate', 'edges_fixed', 'facets_removed', 'facets_added', 'facets_reversed',
                'backwards_edges', 'disconnected'):
        if stats[key]:
            result['errors'].append(f"not manifold: admesh reports {stats[key]} {key.replace('_', ' ')}")
    if stats['parts'] != 1:
        result['errors'].append(f"{stats['parts']} separate pieces, a printed part is one")
    if volume <= 0:
        result['errors'].append("zero volume")
    small, large = sorted(size[:2])  # the part may turn on the bed, not tip over
    if small > min(BED[:2]) or large > max(BED[:2]) or size[2] > BED[2]:
        result['errors'].append(f"{size[0]:.1f} x {size[1]:.1f} x {size[2]:.1f} mm does not fit a "
                                f"{BED[0]:.0f} x {BED[1]:.0f} x {BED[2]:.0f} mm bed")


def stl_vertices(stl):
    text = stl.read_text()
    return [tuple(map(float, m)) for m in re.findall(r'vertex\s+(\S+)\s+(\S+)\s+(\S+)', text)]


def check_standoffs(result):
    groups = {}
    height = None
    for e in result['echoes']:
        parts = e.split()
        if parts[0] == 'STANDOFF':
            groups.setdefault(parts[1], []).append((float(parts[2]), float(parts[3])))
        elif parts[0] == 'STANDOFF_TOP':
            height = float(parts[1])
    if 'node' not in groups:
        result['errors'].append("the tray reports no standoffs for the node (echo STANDOFF node x y)")
        return
    tops = [v for v in stl_vertices(result['stl']) if height is not None and abs(v[2] - height) < 1e-3]
    result['standoffs'] = {}
    for group, points in groups.items():
        xs, ys = sorted({round(p[0], 3) for p in points}), sorted({round(p[1], 3) for p in points})
        pattern = (xs[-1] - xs[0], ys[-1] - ys[0]) if len(xs) == 2 and len(ys) == 2 else None
        if len(points) != 4 or pattern is None or abs(pattern[0] - PI_PATTERN[0]) > TOL \
                or abs(pattern[1] - PI_PATTERN[1]) > TOL:
            result['errors'].append(f"{group} standoffs at {points}: not the Pi's {PI_PATTERN[0]} x {PI_PATTERN[1]} mm pattern")
            continue
        for x, y in points:  # the mesh has a standoff top there, not just the echo
            if not any(1.0 <= math.hypot(v[0] - x, v[1] - y) <= 3.5 for v in tops):
                result['errors'].append(f"{group} standoff at ({x}, {y}): no material at its top (z = {height})")
        result['standoffs'][group] = pattern


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', type=Path, default=HERE / 'build' / 'stl')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--only', action='append', help='render only this part (an STL name), repeatable')
    ap.add_argument('--define', action='append', default=[], help='an OpenSCAD -D override, e.g. units=3')
    args = ap.parse_args(argv)
    parts = [p for p in PARTS if not args.only or p[0] in args.only]
    if args.only and len(parts) != len(set(args.only)):
        ap.error(f"unknown part in {args.only}; parts: {', '.join(p[0] for p in PARTS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda p: render(*p, args.out, args.define), parts))
    failed = 0
    for r in results:
        size = 'x'.join(f"{s:.1f}" for s in r.get('size', [])) or '?'
        extra = ''.join(f", {g} standoffs {p[0]:.2f} x {p[1]:.2f} mm" for g, p in r.get('standoffs', {}).items())
        print(f"{r['name']:18s} {r['seconds']:6.1f} s  {size:>18s} mm  {r.get('facets', 0):6d} facets  "
              f"{r.get('volume', 0) / 1000:7.1f} cm3{extra}")
        for e in r['errors']:
            print(f"FAIL: {r['name']}: {e}", file=sys.stderr)
        failed += bool(r['errors'])
    print(f"{len(results)} parts rendered to {args.out} in {time.time() - t0:.1f} s; "
          f"{len(results) - failed} pass every check")
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
