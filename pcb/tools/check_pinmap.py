#!/usr/bin/python3
"""Checks the pin map (pcb/pinmap.yaml) against the KiCad schematic and the routed board.

For every pin the map names: the schematic's header pin carries that net and has that BCM name,
and the board's pad carries the same net. Every connected header pin must be in the map. I2C
devices sit at the addresses their strap pins select, with the stated shunt. Then every pad of
the board must carry the net the schematic gives its pin (board and schematic agree).

    /usr/bin/python3 pcb/tools/check_pinmap.py [--pinmap FILE] [--schematic FILE] [--board FILE]

Exit code 0 when everything agrees; 1 with one line per disagreement, naming the pin.
"""
import argparse
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import schematic  # noqa: E402

PCB_DIR = Path(__file__).resolve().parent.parent

# INA219 A0/A1 and TMP102 ADD0: which net the strap pin is tied to selects the address
INA219_CODES = ('GND', 'VS', 'SDA', 'SCL')
TMP102_CODES = ('GND', 'V+', 'SDA', 'SCL')


class PinMapError(Exception):
    pass


def load_pinmap(path):
    try:
        data = yaml.safe_load(Path(path).read_text())
    except (OSError, yaml.YAMLError) as e:
        raise PinMapError(f"{path}: cannot read the pin map: {e}")
    if not isinstance(data, dict) or not isinstance(data.get('pins'), list):
        raise PinMapError(f"{path}: expected a mapping with a 'pins' list")
    seen = {}
    for i, p in enumerate(data['pins']):
        for field in ('name', 'pin', 'gpio', 'net'):
            if field not in p:
                raise PinMapError(f"{path}: pins[{i}] ({p.get('name', '?')}): field '{field}' is missing")
        if not isinstance(p['pin'], int) or not 1 <= p['pin'] <= 40:
            raise PinMapError(f"{path}: pin {p['name']}: 'pin' must be a header pin 1-40, got {p['pin']!r}")
        for field in ('name', 'pin', 'gpio'):
            key = (field, p[field])
            if key in seen:
                raise PinMapError(f"{path}: pin {p['name']}: {field} {p[field]} is also used by {seen[key]}")
            seen[key] = p['name']
    return data


def check_schematic(pm, net, errors):
    header = pm.get('header', 'J1')
    named = {}
    for p in pm['pins']:
        where = f"pin map '{p['name']}' (header {header} pin {p['pin']}, GPIO {p['gpio']})"
        named[p['pin']] = p['name']
        sch_pin = net.pins.get((header, str(p['pin'])))
        if sch_pin is None:
            errors.append(f"{where}: the schematic has no {header} pin {p['pin']}")
            continue
        if sch_pin.name != f"GPIO{p['gpio']}":
            errors.append(f"{where}: the schematic's {header} pin {p['pin']} is {sch_pin.name}, not GPIO{p['gpio']}")
        actual = net.net(header, p['pin'])
        if actual != p['net']:
            errors.append(f"{where}: the schematic connects it to net {actual or '(nothing)'}, "
                          f"the pin map says {p['net']}")
    for group in pm.get('power', []):
        for pin in group['pins']:
            named[pin] = group['net']
            actual = net.net(header, pin)
            if actual != group['net']:
                errors.append(f"pin map power {group['net']} (header {header} pin {pin}): the schematic "
                              f"connects it to net {actual or '(nothing)'}")
    for (ref, number), actual in sorted(net.nets.items(), key=lambda kv: (kv[0][0], int(kv[0][1]) if kv[0][1].isdigit() else 0)):
        if ref == header and int(number) not in named:
            errors.append(f"header {header} pin {number} ({net.pins[(ref, number)].name}) is net {actual} "
                          f"in the schematic, but the pin map does not name it")
    nets_by_name = {p['name']: p['net'] for p in pm['pins']}
    sda, scl = nets_by_name.get('i2c-sda'), nets_by_name.get('i2c-scl')
    for dev in pm.get('i2c', {}).get('devices', []):
        where = f"pin map i2c device '{dev['name']}'"
        if 'ref' in dev:
            check_i2c_part(dev, net, sda, scl, where, errors)
        elif 'connector' in dev:
            carried = {net.net(dev['connector'], n) for (r, n) in net.pins if r == dev['connector']}
            if not {sda, scl} <= carried:
                errors.append(f"{where}: connector {dev['connector']} does not carry {sda} and {scl}")
    for dev in pm.get('onewire', []):
        carried = {net.net(dev['connector'], n) for (r, n) in net.pins if r == dev['connector']}
        if dev['net'] not in carried:
            errors.append(f"pin map 1-wire device '{dev['name']}': connector {dev['connector']} does not carry {dev['net']}")


def pin_by_name(net, ref, name):
    for (r, n), p in net.pins.items():
        if r == ref and p.name == name:
            return n
    return None


def check_i2c_part(dev, net, sda, scl, where, errors):
    ref = dev['ref']
    value = net.values.get(ref)
    if value is None:
        errors.append(f"{where}: the schematic has no {ref}")
        return
    if dev['part'].upper() not in value.upper():
        errors.append(f"{where}: {ref} is {value} in the schematic, not a {dev['part']}")
        return
    if net.net(ref, pin_by_name(net, ref, 'SDA')) != sda or net.net(ref, pin_by_name(net, ref, 'SCL')) != scl:
        errors.append(f"{where}: {ref}'s SDA/SCL are not on {sda}/{scl}")

    def code(strap, codes):
        n = net.net(ref, pin_by_name(net, ref, strap))
        for i, name in enumerate(codes):
            target = 'GND' if name == 'GND' else net.net(ref, pin_by_name(net, ref, name))
            if n == target:
                return i
        errors.append(f"{where}: {ref} pin {strap} is on {n}, which selects no address")
        return 0
    if dev['part'].upper() == 'INA219':
        address = 0x40 + 4 * code('A1', INA219_CODES) + code('A0', INA219_CODES)
        shunt = dev.get('shunt')
        if shunt:
            vin = {net.net(ref, pin_by_name(net, ref, 'VIN+')), net.net(ref, pin_by_name(net, ref, 'VIN-'))}
            if {net.net(shunt, '1'), net.net(shunt, '2')} != vin:
                errors.append(f"{where}: shunt {shunt} is not across {ref}'s VIN+/VIN-")
            ohms = parse_ohms(net.values.get(shunt, ''))
            if ohms is None or abs(ohms - float(dev['shuntOhms'])) > 1e-9:
                errors.append(f"{where}: shunt {shunt} is {net.values.get(shunt)} ohm in the schematic, "
                              f"the pin map says {dev['shuntOhms']}")
    elif dev['part'].upper() == 'TMP102':
        address = 0x48 + code('ADD0', TMP102_CODES)
    else:
        errors.append(f"{where}: cannot tell the address of a {dev['part']} from its straps")
        return
    if address != dev['address']:
        errors.append(f"{where}: {ref}'s straps select address 0x{address:02x}, the pin map says 0x{dev['address']:02x}")


def parse_ohms(value):
    m = re.fullmatch(r'\s*([0-9.]+)\s*([mkR]?)\s*(ohm|Ω)?\s*', value or '')
    if not m:
        return None
    return float(m.group(1)) * {'m': 1e-3, 'k': 1e3, 'R': 1.0, '': 1.0}[m.group(2)]


def check_board(pm, net, board_path, errors):
    import pcbnew
    board = pcbnew.LoadBoard(str(board_path))
    header = pm.get('header', 'J1')
    fps = {fp.GetReference(): fp for fp in board.GetFootprints()}
    for ref in net.values:
        if ref not in fps:
            errors.append(f"board: {ref} is in the schematic but not on the board")
    for ref, fp in fps.items():
        if ref not in net.values:
            errors.append(f"board: {ref} is on the board but not in the schematic")
            continue
        for pad in fp.Pads():
            number = pad.GetNumber()
            if not number:
                continue
            want = net.net(ref, number) or ''
            got = pad.GetNetname()
            if got != want:
                what = f"pin map '{next((p['name'] for p in pm['pins'] if str(p['pin']) == number), '')}' " \
                    if ref == header else ''
                errors.append(f"board: {what}pad {ref}.{number} is on net {got or '(none)'}, "
                              f"the schematic says {want or '(none)'}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--pinmap', default=PCB_DIR / 'pinmap.yaml')
    ap.add_argument('--schematic', default=PCB_DIR / 'racklet-bmc-hat.kicad_sch')
    ap.add_argument('--board', default=PCB_DIR / 'racklet-bmc-hat.kicad_pcb')
    ap.add_argument('--no-board', action='store_true', help='check against the schematic only')
    args = ap.parse_args(argv)
    errors = []
    try:
        pm = load_pinmap(args.pinmap)
        net = schematic.read(args.schematic)
    except (PinMapError, schematic.SchematicError, OSError, ValueError) as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    check_schematic(pm, net, errors)
    if not args.no_board:
        check_board(pm, net, args.board, errors)
    for e in errors:
        print(f"FAIL: {e}", file=sys.stderr)
    if errors:
        return 1
    print(f"pin map OK: {len(pm['pins'])} signal pins, "
          f"{sum(len(g['pins']) for g in pm.get('power', []))} power pins and "
          f"{len(pm.get('i2c', {}).get('devices', []))} I2C devices agree with {Path(args.schematic).name}"
          + ('' if args.no_board else f"; all {sum(1 for k in net.nets)} connected pins agree with {Path(args.board).name}"))
    return 0


if __name__ == '__main__':
    sys.exit(main())
