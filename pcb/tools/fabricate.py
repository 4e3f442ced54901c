#!/usr/bin/python3
"""Writes the BMC HAT's fabrication set with KiCad's own pcbnew module, and checks the board.

Outputs (in --out, default pcb/build/fab): Gerbers (X2, with job file), Excellon drill files
(plated and non-plated), a BOM as CSV and a pick-and-place CSV, both from the bottom-left corner.

Checks: the outline is the HAT's 65 x 56.5 mm; four M2.5 holes sit on the 58 x 49 mm pattern
3.5 mm from the edges; every net the pin map names (and every other net) is fully connected by
copper; copper of different nets keeps the minimum clearance; nothing is closer to the edge than
allowed; every output file exists and says what it is.

    /usr/bin/python3 pcb/tools/fabricate.py [--board FILE] [--pinmap FILE] [--out DIR]
"""
import argparse
import csv
import io
import sys
import time
from pathlib import Path

import pcbnew
import yaml

PCB_DIR = Path(__file__).resolve().parent.parent
HAT_W, HAT_H = 65.0, 56.5
HOLES = [(3.5, 3.5), (61.5, 3.5), (3.5, 52.5), (61.5, 52.5)]  # from the top-left corner: 58 x 49 mm
MIN_CLEARANCE = 0.15
EDGE_CLEARANCE = 0.3
TOL = 0.01

GERBER_LAYERS = [
    (pcbnew.F_Cu, 'F_Cu', 'Top copper'), (pcbnew.B_Cu, 'B_Cu', 'Bottom copper'),
    (pcbnew.F_Mask, 'F_Mask', 'Top solder mask'), (pcbnew.B_Mask, 'B_Mask', 'Bottom solder mask'),
    (pcbnew.F_Paste, 'F_Paste', 'Top paste'), (pcbnew.F_SilkS, 'F_Silkscreen', 'Top silkscreen'),
    (pcbnew.B_SilkS, 'B_Silkscreen', 'Bottom silkscreen'), (pcbnew.Edge_Cuts, 'Edge_Cuts', 'Board outline'),
]


def nm(v):
    return v / 1e6


def check_outline(board, errors, report):
    outlines = pcbnew.SHAPE_POLY_SET()
    closed = board.GetBoardPolygonOutlines(outlines)
    chain = outlines.Outline(0)  # the outline itself, not the width of its drawn line
    pts = [chain.CPoint(i) for i in range(chain.PointCount())]
    x0, y0 = min(p.x for p in pts), min(p.y for p in pts)
    w, h = nm(max(p.x for p in pts) - x0), nm(max(p.y for p in pts) - y0)
    if not closed or outlines.OutlineCount() != 1:
        errors.append(f"outline: Edge.Cuts is not one closed outline ({outlines.OutlineCount()} found)")
    if abs(w - HAT_W) > TOL or abs(h - HAT_H) > TOL:
        errors.append(f"outline: {w:.2f} x {h:.2f} mm, a HAT is {HAT_W} x {HAT_H} mm")
    report.append(f"outline {w:.2f} x {h:.2f} mm")
    return x0, y0


def check_holes(board, origin, errors, report):
    holes = []
    for fp in board.GetFootprints():
        for pad in fp.Pads():
            d = nm(pad.GetDrillSize().x)
            if 2.5 <= d <= 3.0:
                p = pad.GetPosition()
                holes.append((round(nm(p.x - origin[0]), 3), round(nm(p.y - origin[1]), 3), d, fp.GetReference()))
    found = sorted((x, y) for x, y, _, _ in holes)
    if len(holes) != 4 or any(abs(a[0] - b[0]) > TOL or abs(a[1] - b[1]) > TOL for a, b in zip(found, sorted(HOLES))):
        errors.append(f"mounting holes: found {[(x, y) for x, y, _, _ in holes]} mm from the top-left corner, "
                      f"a HAT needs M2.5 holes at {HOLES} (58 x 49 mm)")
    for x, y, d, ref in holes:
        if not 2.6 <= d <= 2.9:
            errors.append(f"mounting hole {ref}: {d} mm drill, an M2.5 screw wants 2.7-2.75 mm")
    if holes:
        xs, ys = sorted({h[0] for h in holes}), sorted({h[1] for h in holes})
        report.append(f"{len(holes)} M2.5 holes ({holes[0][2]} mm), pattern {xs[-1] - xs[0]:.2f} x {ys[-1] - ys[0]:.2f} mm")


def pinmap_nets(path):
    pm = yaml.safe_load(Path(path).read_text())
    nets = {p['net'] for p in pm['pins']} | {g['net'] for g in pm.get('power', [])}
    return nets


def check_connectivity(board, needed, errors, report):
    """Every pad of a net reaches every other through tracks, vias and filled zones: KiCad's own
    count of unconnected items is zero, and a walk over KiCad's connectivity names any net that is not."""
    pcbnew.ZONE_FILLER(board).Fill(board.Zones())
    board.BuildConnectivity()
    conn = board.GetConnectivity()
    board_nets = {str(n) for n in board.GetNetsByName().keys() if str(n)}
    for net in sorted(needed - board_nets):
        errors.append(f"net {net}: named by the pin map but not on the board")

    def key(item):
        return item.m_Uuid.AsString()

    def touching(item):
        return list(conn.GetConnectedPads(item)) + list(conn.GetConnectedTracks(item))
    zone_touch = {key(z): {key(i) for i in touching(z)} for z in board.Zones()}
    unconnected = 0
    for name, ni in board.GetNetsByName().items():
        name = str(name)
        if not name:
            continue
        pads = [p for p in board.GetPads() if p.GetNetCode() == ni.GetNetCode()]
        zones = [z for z in board.Zones() if z.GetNetCode() == ni.GetNetCode()]
        seen, todo = {key(pads[0])}, [pads[0]]
        while todo:
            item = todo.pop()
            near = touching(item) + [z for z in zones if key(item) in zone_touch[key(z)]]
            for other in near:
                if key(other) not in seen:
                    seen.add(key(other))
                    todo.append(other)
        missing = [f"{p.GetParent().GetReference()}.{p.GetNumber()}" for p in pads if key(p) not in seen]
        if missing:
            unconnected += 1
            tag = 'named by the pin map' if name in needed else 'not in the pin map'
            errors.append(f"net {name} ({tag}): pads {', '.join(missing)} are not connected to "
                          f"{pads[0].GetParent().GetReference()}.{pads[0].GetNumber()}")
    total = conn.GetUnconnectedCount()
    if total:
        errors.append(f"connectivity: KiCad counts {total} unconnected items")
    report.append(f"{len(board_nets)} nets, every pad connected (KiCad: {total} unconnected items)"
                  if not unconnected and not total else f"{unconnected} nets with unconnected pads")


def copper_items(board):
    items = []
    for t in board.GetTracks():
        for layer in (pcbnew.F_Cu, pcbnew.B_Cu):
            if t.IsOnLayer(layer):
                items.append((t, layer))
    for p in board.GetPads():
        for layer in (pcbnew.F_Cu, pcbnew.B_Cu):
            if p.IsOnLayer(layer) and p.GetAttribute() != pcbnew.PAD_ATTRIB_NPTH:
                items.append((p, layer))
    return items


def check_clearance(board, errors, report):
    """Copper of different nets (tracks, vias, pads) at least MIN_CLEARANCE apart; copper off the edge."""
    items = copper_items(board)
    clearance = pcbnew.FromMM(MIN_CLEARANCE)
    boxes = []
    for it, layer in items:
        bb = it.GetBoundingBox()
        boxes.append((bb.GetLeft() - clearance, bb.GetTop() - clearance, bb.GetRight() + clearance,
                      bb.GetBottom() + clearance))
    shapes = [it.GetEffectiveShape(layer) for it, layer in items]
    order = sorted(range(len(items)), key=lambda i: boxes[i][0])
    violations, checked = [], 0
    for a_pos, i in enumerate(order):
        ai, al = items[i]
        for j in order[a_pos + 1:]:
            if boxes[j][0] > boxes[i][2]:
                break
            bj, bl = items[j]
            if al != bl or ai.GetNetCode() == bj.GetNetCode() or boxes[j][1] > boxes[i][3] or boxes[j][3] < boxes[i][1]:
                continue
            checked += 1
            if shapes[i].Collide(shapes[j], clearance - 1):
                violations.append(f"{describe(ai)} and {describe(bj)} on {board.GetLayerName(al)}")
    for v in violations[:20]:
        errors.append(f"clearance under {MIN_CLEARANCE} mm: {v}")
    if len(violations) > 20:
        errors.append(f"... and {len(violations) - 20} more clearance violations")
    # copper to the board edge (the outline's straight sides; its rounded corners hold the holes' keep-outs)
    bb = board.GetBoardEdgesBoundingBox()
    edge_violations = 0
    for it, layer in items:
        if isinstance(it, pcbnew.PAD):
            continue
        inset = pcbnew.FromMM(EDGE_CLEARANCE) + it.GetWidth() // 2
        for p in (it.GetStart(), it.GetEnd()):
            if not (bb.GetLeft() + inset <= p.x <= bb.GetRight() - inset and bb.GetTop() + inset <= p.y <= bb.GetBottom() - inset):
                edge_violations += 1
                errors.append(f"edge clearance under {EDGE_CLEARANCE} mm: {describe(it)}")
                break
    report.append(f"clearance >= {MIN_CLEARANCE} mm: {checked} nearby pairs of copper checked, "
                  f"{len(violations)} violations; {edge_violations} too close to the edge")


def describe(item):
    if isinstance(item, pcbnew.PAD):
        return f"pad {item.GetParent().GetReference()}.{item.GetNumber()} ({item.GetNetname()})"
    p = item.GetPosition() if item.GetClass() == 'PCB_VIA' else item.GetStart()
    kind = 'via' if item.GetClass() == 'PCB_VIA' else 'track'
    return f"{kind} of {item.GetNetname()} at ({nm(p.x) - 100:.2f}, {nm(p.y) - 70:.2f})"


def write_gerbers(board, out):
    pc = pcbnew.PLOT_CONTROLLER(board)
    po = pc.GetPlotOptions()
    po.SetOutputDirectory(str(out))
    po.SetPlotFrameRef(False)
    po.SetUseGerberProtelExtensions(False)
    po.SetUseGerberX2format(True)
    po.SetIncludeGerberNetlistInfo(True)
    po.SetSubtractMaskFromSilk(True)
    po.SetUseAuxOrigin(True)
    po.SetDrillMarksType(pcbnew.PCB_PLOT_PARAMS.NO_DRILL_SHAPE)
    po.SetCreateGerberJobFile(False)
    job = pcbnew.GERBER_JOBFILE_WRITER(board)
    files = []
    for layer, suffix, desc in GERBER_LAYERS:
        pc.SetLayer(layer)
        pc.OpenPlotfile(suffix, pcbnew.PLOT_FORMAT_GERBER, desc)
        if not pc.PlotLayer():
            raise RuntimeError(f"plotting {suffix} failed")
        files.append(Path(pc.GetPlotFileName()))
        job.AddGbrFile(layer, files[-1].name)
    pc.ClosePlot()
    job_file = out / f"{board_name(board)}-job.gbrjob"
    job.CreateJobFile(str(job_file))
    return files + [job_file]


def board_name(board):
    return Path(board.GetFileName()).stem


def write_drill(board, out):
    dw = pcbnew.EXCELLON_WRITER(board)
    dw.SetOptions(False, False, board.GetDesignSettings().GetAuxOrigin(), False)
    dw.SetFormat(True)
    dw.CreateDrillandMapFilesSet(str(out), True, False)
    return sorted(out.glob('*.drl'))


def write_bom(board, out):
    rows = {}
    for fp in board.GetFootprints():
        if fp.GetAttributes() & pcbnew.FP_EXCLUDE_FROM_BOM:
            continue
        key = (fp.GetValue(), fp.GetFPID().GetLibItemName().wx_str(), fp.GetProperty('MPN') if fp.HasProperty('MPN') else '')
        rows.setdefault(key, []).append(fp.GetReference())
    path = out / f"{board_name(board)}-bom.csv"
    with path.open('w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['References', 'Quantity', 'Value', 'Footprint', 'MPN'])
        for (value, footprint, mpn), refs in sorted(rows.items(), key=lambda kv: natural(kv[1][0])):
            refs.sort(key=natural)
            w.writerow([' '.join(refs), len(refs), value, footprint, mpn])
    return path, sum(len(r) for r in rows.values()), len(rows)


def natural(ref):
    head = ref.rstrip('0123456789')
    return (head, int(ref[len(head):] or 0))


def write_positions(board, out):
    exporter = pcbnew.PLACE_FILE_EXPORTER(board, True, False, False, True, True, True, True)
    path = out / f"{board_name(board)}-pos.csv"
    path.write_text(exporter.GenPositionData())
    rows = list(csv.reader(io.StringIO(path.read_text())))
    return path, len(rows) - 1


def check_outputs(files, errors):
    for f in files:
        if not f.exists() or f.stat().st_size == 0:
            errors.append(f"output {f.name}: missing or empty")
    cu = [f for f in files if f.name.endswith('-F_Cu.gbr')]
    if not cu or '%TF.FileFunction,Copper,L1,Top*%' not in cu[0].read_text():
        errors.append("output: the top copper Gerber lacks its X2 file function")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--board', default=PCB_DIR / 'racklet-bmc-hat.kicad_pcb', type=Path)
    ap.add_argument('--pinmap', default=PCB_DIR / 'pinmap.yaml', type=Path)
    ap.add_argument('--out', default=PCB_DIR / 'build' / 'fab', type=Path)
    args = ap.parse_args(argv)
    t0 = time.time()
    board = pcbnew.LoadBoard(str(args.board))
    errors, report = [], []
    origin = check_outline(board, errors, report)
    check_holes(board, origin, errors, report)
    check_connectivity(board, pinmap_nets(args.pinmap), errors, report)
    check_clearance(board, errors, report)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.iterdir():
        if old.is_file():
            old.unlink()
    files = write_gerbers(board, args.out)
    files += write_drill(board, args.out)
    bom, parts, lines = write_bom(board, args.out)
    pos, placed = write_positions(board, args.out)
    files += [bom, pos]
    check_outputs(files, errors)
    tracks = sum(1 for t in board.GetTracks() if t.GetClass() == 'PCB_TRACK')
    vias = sum(1 for t in board.GetTracks() if t.GetClass() == 'PCB_VIA')
    report.append(f"{len(board.GetFootprints())} footprints, {tracks} track segments, {vias} vias")
    report.append(f"wrote {len(files)} files to {args.out}: Gerbers, drill, BOM ({parts} parts in {lines} lines), "
                  f"pick-and-place ({placed} parts)")
    report.append(f"took {time.time() - t0:.1f} s")
    for line in report:
        print(line)
    for e in errors:
        print(f"FAIL: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
