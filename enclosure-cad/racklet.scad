// Racklet: a printable 10-inch rack case for Raspberry Pi compute trays.
// Licence: CERN-OHL-S-2.0 (see LICENSE beside this file).
//
// One file, every part: render one with
//   openscad -D 'part="tray"' -D units=2 -o tray-2u.stl racklet.scad
// Parts (each already in its print orientation, flat side down):
//   side                   a side wall with its 10-inch rack ear (per units); print two: turned
//                          upside down, the same part is the other side
//   rail                   a cross rail with a slot per tray; four per case, 2U and 3U alike
//   tray                   a compute tray: Raspberry Pi 4 on the 58 x 49 mm pattern, the BMC
//                          (a HAT-sized Pi with the Racklet HAT) behind it, 2.5" SSD holes (per units)
//   fan_mount              a rear panel half with one 80 mm (2U) or 92 mm (3U) fan
//   backplane_holder       holds the backplane PCB's edge behind the trays, on a rear rail
//   assembly               everything in place, for a look (not printed)

part = "assembly";
units = 2;            // 2 or 3 rack units
fan = units == 2 ? 80 : 92;
tray_pitch = 30;      // tray spacing across the rack: 7 trays in 210 mm

$fn = 48;

// --- the rack and the boards --------------------------------------------------------------
U = 44.45;
panel_width = 254;           // a 10-inch panel
rack_hole_pitch = 236.5;     // centre-to-centre of the 10-inch rack's mounting holes
rack_hole_d = 6.5;           // M6 (cage nuts) or M5
case_width = 220;            // between the ears; the rack's opening is 222 mm
side_t = 5;
inner_width = case_width - 2 * side_t;   // 210
case_height = units * U - 0.8;           // EIA panel height
ear_width = (panel_width - case_width) / 2;
ear_t = 5;
depth = 200;

pi_hole_pattern = [58, 49];  // Raspberry Pi 4 / 3A+ and the HAT: M2.5 holes 3.5 mm from the edges
pi_size = [85, 56];
hat_size = [65, 56.5];
ssd_holes = [76.6, 61.72];   // 2.5-inch drive, bottom M3 holes (along, across)
ssd_size = [100, 69.85];

// --- rails --------------------------------------------------------------------------------
rail = [12, 12];             // depth x height of a rail's cross-section
rail_front_x = ear_t + 3;    // where the front rails start, from the front
rail_rear_x = 165;
slot_w = 3.0;                // a tray plate is 2.4 mm
slot_d = 5;
tray_t = 2.4;
screw_clear = 3.4;           // M3 through
screw_tap = 2.8;             // M3 self-tapping into plastic
n_trays = floor(inner_width / tray_pitch);

function slot_positions() = [for (k = [0:n_trays - 1]) (inner_width - n_trays * tray_pitch) / 2 + tray_pitch * (k + 0.5)];

// holes at each rail end: two M3, along the depth
rail_end_holes = [-3.5, 3.5];

module rail() {
    difference() {
        cube([inner_width, rail[0], rail[1]]);
        for (x = slot_positions())
            translate([x - slot_w / 2, -1, rail[1] - slot_d]) cube([slot_w, rail[0] + 2, slot_d + 1]);
        // end holes for the screws through the side walls
        for (end = [0, 1], dy = rail_end_holes)
            translate([end * inner_width, rail[0] / 2 + dy, rail[1] / 2 - 2])
                rotate([0, 90, 0]) cylinder(d = screw_tap, h = 24, center = true, $fn = 16);
        // backplane holder screws on the rear face
        for (x = backplane_screws())
            translate([x, rail[0] - 10, rail[1] / 2 - 2]) rotate([-90, 0, 0]) cylinder(d = screw_tap, h = 11, $fn = 16);
    }
}

function backplane_screws() = [inner_width * 0.15, inner_width * 0.5, inner_width * 0.85];

// --- side walls with the rack ears ------------------------------------------------------------
rail_rows = [rail[1] / 2 - 2, case_height - rail[1] / 2 + 2];  // heights of the rail screw lines
fm_t = 3;                    // fan mount plate
fm_flange = 10;              // its side flanges, reaching forward into the case
fan_flange_x = depth - fm_t - (fm_flange - fm_t) / 2;  // where the flange screws go through the side

module side() {
    difference() {
        union() {
            cube([depth, case_height, side_t]);
            cube([ear_t, case_height, side_t + ear_width]);   // the ear, standing up from the outer face
        }
        // rail screws
        for (x = [rail_front_x, rail_rear_x], y = rail_rows, dx = rail_end_holes)
            translate([x + rail[0] / 2 + dx, y, -1]) cylinder(d = screw_clear, h = side_t + 2, $fn = 16);
        // fan mount flange screws
        for (y = [case_height * 0.3, case_height * 0.7])
            translate([fan_flange_x, y, -1]) cylinder(d = screw_clear, h = side_t + 2, $fn = 16);
        // rack holes: three per unit, EIA spacing, in the ear, on the 10-inch rack's hole pitch
        for (u = [0:units - 1], h = [6.35, 22.225, 38.1])
            translate([-1, u * U + h - 0.4, side_t + (rack_hole_pitch - case_width) / 2])
                rotate([0, 90, 0]) cylinder(d = rack_hole_d, h = ear_t + 2, $fn = 24);
        // lighten and let air in: a window between the rails
        translate([rail_front_x + rail[0] + 12, rail[1] + 10, -1])
            rounded_box([rail_rear_x - rail_front_x - rail[0] - 24, case_height - 2 * rail[1] - 20, side_t + 2], 6);
    }
}

module rounded_box(size, r) {
    translate([r, r, 0]) linear_extrude(size[2]) offset(r = r) square([size[0] - 2 * r, size[1] - 2 * r]);
}

// --- compute tray -------------------------------------------------------------------------
tray_length = rail_rear_x + rail[0] - rail_front_x - 2;   // front flange at the front rail, end in the rear rail
tray_height = case_height - 2 * rail[1] + 2 * (slot_d - 0.5);
standoff_h = 5;
standoff_d = 6;
insert_d = 2.5;              // M2.5 self-tapping (or 3.5 for a heat-set insert)
flange = [2.5, tray_pitch - 3];
pi_x = flange[0] + 4;        // the Pi's port edge, just behind the front flange
bmc_x = pi_x + pi_size[0] + 6;

// the Pi 4's holes, in tray coordinates: its ports face the front flange
function pi_holes() = let(y0 = (tray_height - pi_size[1]) / 2)
    [for (hx = [3.5, 3.5 + pi_hole_pattern[0]], hy = [3.5, 3.5 + pi_hole_pattern[1]])
        [pi_x + pi_size[0] - hx, y0 + hy]];
function bmc_holes() = let(y0 = (tray_height - hat_size[1]) / 2)
    [for (hx = [3.5, 3.5 + pi_hole_pattern[0]], hy = [3.5, 3.5 + pi_hole_pattern[1]]) [bmc_x + hx, y0 + hy]];
function ssd_holes_xy() = let(y0 = (tray_height - ssd_size[1]) / 2 + (ssd_size[1] - ssd_holes[1]) / 2, x0 = pi_x + 10)
    [for (hx = [0, ssd_holes[0]], hy = [0, ssd_holes[1]]) [x0 + hx, y0 + hy]];

module standoff(p) {
    translate([p[0], p[1], 0]) difference() {
        cylinder(d = standoff_d, h = tray_t + standoff_h, $fn = 32);
        translate([0, 0, 0.8]) cylinder(d = insert_d, h = tray_t + standoff_h, $fn = 16);
    }
}

module tray() {
    for (p = pi_holes()) echo(str("STANDOFF node ", p[0], " ", p[1]));
    for (p = bmc_holes()) echo(str("STANDOFF bmc ", p[0], " ", p[1]));
    echo(str("STANDOFF_TOP ", tray_t + standoff_h));
    echo(str("TRAY length ", tray_length, " height ", tray_height, " pitch ", tray_pitch));
    difference() {
        union() {
            cube([tray_length, tray_height, tray_t]);
            // front flange with a pull; it stops at the front rail
            translate([0, 0, 0]) cube([flange[0], tray_height, flange[1]]);
            for (p = concat(pi_holes(), bmc_holes())) standoff(p);
        }
        // the Pi's ports: Ethernet and USB through the flange
        translate([-1, (tray_height - 50) / 2, tray_t + standoff_h - 1]) cube([flange[0] + 2, 50, 18]);
        // finger hole to pull the tray
        translate([-1, tray_height - 12, flange[1] / 2 + 4]) rotate([0, 90, 0]) cylinder(d = 8, h = flange[0] + 2, $fn = 24);
        // 2.5-inch SSD on the far side: countersunk M3 from the Pi's side, clear of its standoffs
        if (ssd_size[1] < tray_height)
            for (p = ssd_holes_xy()) translate([p[0], p[1], -1]) {
                cylinder(d = screw_clear, h = tray_t + 2, $fn = 16);
                translate([0, 0, tray_t - 0.6]) cylinder(d1 = screw_clear, d2 = 6.4, h = 1.61, $fn = 16);
            }
        // air and cables between the boards
        translate([bmc_x - 4, tray_height / 2 - 8, -1]) rounded_box([3, 16, tray_t + 2], 1.4);
    }
}

// --- fan mount (rear panel half) -------------------------------------------------------------
fan_hole_spacing = fan == 80 ? 71.5 : 82.5;
fan_opening = fan - 4;
fm_width = inner_width / 2;

module fan_mount() {
    difference() {
        union() {
            cube([fm_width, case_height, fm_t]);
            // flanges at both sides: one bolts to the side wall, the other to the next mount
            for (x = [0, fm_width - fm_t]) translate([x, 0, 0]) cube([fm_t, case_height, fm_flange]);
        }
        translate([fm_width / 2, case_height / 2, -1]) {
            // the opening, with a bar across as a minimal finger guard
            difference() {
                cylinder(d = fan_opening, h = fm_t + 2, $fn = 96);
                rotate([0, 0, 45]) cube([fan_opening + 2, 3, 2 * fm_t + 4], center = true);
                rotate([0, 0, -45]) cube([fan_opening + 2, 3, 2 * fm_t + 4], center = true);
            }
            for (sx = [-1, 1], sy = [-1, 1])
                translate([sx * fan_hole_spacing / 2, sy * fan_hole_spacing / 2, 0]) cylinder(d = 4.3, h = fm_t + 2, $fn = 16);
        }
        for (x = [-1, fm_width - fm_t - 1], y = [case_height * 0.3, case_height * 0.7])
            translate([x, y, depth - fan_flange_x]) rotate([0, 90, 0]) cylinder(d = screw_clear, h = fm_t + 2, $fn = 16);
    }
}

// --- backplane holder ---------------------------------------------------------------------
bp_pcb_t = 1.6;
bp = [inner_width - 10, 8, 14];   // length, thickness, height

module backplane_holder() {
    difference() {
        cube(bp);
        // the groove that takes the backplane PCB's edge
        translate([-1, (bp[1] - (bp_pcb_t + 0.4)) / 2, bp[2] - 5]) cube([bp[0] + 2, bp_pcb_t + 0.4, 6]);
        // screws into the rear rail's back face, countersunk
        for (x = backplane_screws()) translate([x - 5, -1, 4]) rotate([-90, 0, 0]) {
            cylinder(d = screw_clear, h = bp[1] + 2, $fn = 16);
            cylinder(d1 = 6.4, d2 = screw_clear, h = 1.6 + 1, $fn = 16);
        }
    }
}

// --- assembly (for a look) -----------------------------------------------------------------
module assembly() {
    color("silver") {
        translate([0, 0, 0]) rotate([90, 0, 90]) side();
        translate([case_width, 0, 0]) mirror([1, 0, 0]) rotate([90, 0, 90]) side();
    }
    for (x = [rail_front_x, rail_rear_x], top = [0, 1])
        color("orange") translate([side_t, x, top ? case_height : 0]) mirror([0, 0, top]) rail();
    for (k = [0:n_trays - 1])
        color("lightblue") translate([side_t + slot_positions()[k] - tray_t / 2, rail_front_x + 1, rail[1] - slot_d + 0.5])
            rotate([90, 0, 90]) tray();
}

// the side is symmetric top to bottom: the same part, turned over, is the other side
if (part == "side") side();
else if (part == "rail") rail();
else if (part == "tray") tray();
else if (part == "fan_mount") fan_mount();
else if (part == "backplane_holder") backplane_holder();
else if (part == "assembly") assembly();
else assert(false, str("unknown part: ", part));
