"""The BMC HAT's circuit as data: footprints, symbols, parts with their place on the board, and
the net of every pin. generate.py turns it into the KiCad library, schematic and routed board;
the committed KiCad files are then the sources of truth that the checks read.
"""

# --- footprints: name -> (description, pads, courtyard half-size, 3D-less body outline) ------------
# pad: (number, kind, shape, x, y, w, h, drill); kind smd/tht/npth; shape rect/circle/oval/roundrect


def _row(n, pitch, x0=0.0, y0=0.0, vertical=True, size=1.7, drill=1.0, first_rect=True):
    pads = []
    for i in range(n):
        x, y = (x0, y0 + i * pitch) if vertical else (x0 + i * pitch, y0)
        shape = 'rect' if (i == 0 and first_rect) else 'circle'
        pads.append((str(i + 1), 'tht', shape, x, y, size, size, drill))
    return pads


def _pi_header():
    pads = []
    for k in range(20):
        x = 2.54 * k
        pads.append((str(2 * k + 1), 'tht', 'rect' if k == 0 else 'circle', x, 0.0, 1.7, 1.7, 1.0))
        pads.append((str(2 * k + 2), 'tht', 'circle', x, -2.54, 1.7, 1.7, 1.0))
    return pads


def _two_side(n_per_side, pitch, span, w, h):
    """Pins 1..n down the left side, n+1..2n up the right (SOIC, SOT-23-6, SOT-563)."""
    pads = []
    top = -(n_per_side - 1) * pitch / 2
    for i in range(n_per_side):
        pads.append((str(i + 1), 'smd', 'roundrect', -span / 2, top + i * pitch, w, h, 0))
    for i in range(n_per_side):
        pads.append((str(n_per_side + i + 1), 'smd', 'roundrect', span / 2, -top - i * pitch, w, h, 0))
    return pads


def _chip(span, w, h):
    return [('1', 'smd', 'roundrect', -span / 2, 0.0, w, h, 0), ('2', 'smd', 'roundrect', span / 2, 0.0, w, h, 0)]


FOOTPRINTS = {
    'PinSocket_2x20_P2.54mm_Vertical': ('Raspberry Pi 40-pin header, 2x20 female socket on the bottom side',
                                        _pi_header(), (-1.5, -4.1, 49.8, 1.5)),
    'TerminalBlock_1x02_P5.08mm': ('Screw terminal, 2 ways, 5.08 mm', _row(2, 5.08, vertical=False, size=2.6, drill=1.3),
                                   (-2.8, -5.2, 7.9, 4.4)),
    'PinHeader_1x05_P2.54mm_Vertical': ('Pin header 1x05, 2.54 mm', _row(5, 2.54, vertical=False), (-1.3, -1.3, 11.5, 1.3)),
    'PinHeader_1x04_P2.54mm_Vertical': ('Pin header 1x04, 2.54 mm', _row(4, 2.54), (-1.3, -1.3, 1.3, 8.9)),
    'PinHeader_1x03_P2.54mm_Vertical': ('Pin header 1x03, 2.54 mm', _row(3, 2.54), (-1.3, -1.3, 1.3, 6.4)),
    'FanHeader_1x04_P2.54mm_Vertical': ('4-pin PWM fan header (GND, +5V, TACH, PWM), 2.54 mm', _row(4, 2.54),
                                        (-3.2, -1.3, 1.3, 8.9)),
    'SOIC-8_3.9x4.9mm_P1.27mm': ('SOIC-8, 3.9 x 4.9 mm body', _two_side(4, 1.27, 4.95, 1.55, 0.6), (-3.7, -2.7, 3.7, 2.7)),
    'SOT-23-6': ('SOT-23-6', _two_side(3, 0.95, 2.2, 1.1, 0.6), (-2.0, -1.8, 2.0, 1.8)),
    'SOT-563': ('SOT-563, 0.5 mm pitch', _two_side(3, 0.5, 1.6, 0.5, 0.3), (-1.2, -1.1, 1.2, 1.1)),
    'SOT-23': ('SOT-23 (1 G/A1, 2 S/A2, 3 D/common)', [
        ('1', 'smd', 'roundrect', -0.9375, -0.95, 1.475, 0.6, 0),
        ('2', 'smd', 'roundrect', -0.9375, 0.95, 1.475, 0.6, 0),
        ('3', 'smd', 'roundrect', 0.9375, 0.0, 1.475, 0.6, 0)], (-1.9, -1.7, 1.9, 1.7)),
    'R_0603_1608Metric': ('Resistor 0603', _chip(1.65, 0.8, 0.95), (-1.5, -0.75, 1.5, 0.75)),
    'C_0603_1608Metric': ('Capacitor 0603', _chip(1.65, 0.8, 0.95), (-1.5, -0.75, 1.5, 0.75)),
    'C_1206_3216Metric': ('Capacitor 1206', _chip(2.95, 1.15, 1.8), (-2.3, -1.15, 2.3, 1.15)),
    'R_2512_6332Metric': ('Resistor 2512 (current shunt, 2 W)', _chip(5.9, 1.6, 3.4), (-3.9, -2.0, 3.9, 2.0)),
    'D_SMB': ('Diode SMB (DO-214AA), pad 1 cathode', _chip(4.3, 2.5, 2.3), (-3.6, -2.1, 3.6, 2.1)),
    'D_SOD-323': ('Diode SOD-323, pad 1 cathode', _chip(2.1, 0.6, 0.45), (-1.6, -0.7, 1.6, 0.7)),
    'MountingHole_2.75mm_M2.5': ('M2.5 mounting hole, 2.75 mm drill, 6 mm keep-out (Raspberry Pi HAT)',
                                 [('', 'npth', 'circle', 0.0, 0.0, 2.75, 2.75, 2.75)], (-3.0, -3.0, 3.0, 3.0)),
}

# --- symbols: name -> (reference prefix, left pins, right pins, body half-width); pin = (number, name, type)

PI_HEADER_NAMES = {
    1: '3V3', 2: '5V', 3: 'GPIO2', 4: '5V', 5: 'GPIO3', 6: 'GND', 7: 'GPIO4', 8: 'GPIO14', 9: 'GND', 10: 'GPIO15',
    11: 'GPIO17', 12: 'GPIO18', 13: 'GPIO27', 14: 'GND', 15: 'GPIO22', 16: 'GPIO23', 17: '3V3', 18: 'GPIO24',
    19: 'GPIO10', 20: 'GND', 21: 'GPIO9', 22: 'GPIO25', 23: 'GPIO11', 24: 'GPIO8', 25: 'GND', 26: 'GPIO7',
    27: 'ID_SD', 28: 'ID_SC', 29: 'GPIO5', 30: 'GND', 31: 'GPIO6', 32: 'GPIO12', 33: 'GPIO13', 34: 'GND',
    35: 'GPIO19', 36: 'GPIO16', 37: 'GPIO26', 38: 'GPIO20', 39: 'GND', 40: 'GPIO21'}


def _pi_pin(n):
    name = PI_HEADER_NAMES[n]
    kind = 'power_in' if name in ('3V3', '5V', 'GND') else 'bidirectional'
    return (str(n), name, kind)


SYMBOLS = {
    'RPi_GPIO_40': ('J', [_pi_pin(n) for n in range(1, 41, 2)], [_pi_pin(n) for n in range(2, 41, 2)], 7.62,
                    'Raspberry Pi 40-pin GPIO header (BCM names)'),
    'R': ('R', [('1', '~', 'passive')], [('2', '~', 'passive')], 2.54, 'Resistor'),
    'C': ('C', [('1', '~', 'passive')], [('2', '~', 'passive')], 2.54, 'Capacitor'),
    'D_TVS': ('D', [('1', 'K', 'passive')], [('2', 'A', 'passive')], 2.54, 'Unidirectional TVS diode'),
    'ESD_2ch': ('D', [('1', 'IO1', 'passive'), ('2', 'IO2', 'passive')], [('3', 'GND', 'passive')], 3.81,
                'Two-line ESD protection'),
    'Q_PMOS_GSD': ('Q', [('1', 'G', 'input')], [('2', 'S', 'passive'), ('3', 'D', 'passive')], 3.81, 'P-channel MOSFET'),
    'Q_NMOS_GSD': ('Q', [('1', 'G', 'input')], [('2', 'S', 'passive'), ('3', 'D', 'passive')], 3.81, 'N-channel MOSFET'),
    'INA219': ('U', [('8', 'VIN+', 'input'), ('7', 'VIN-', 'input'), ('2', 'A0', 'input'), ('1', 'A1', 'input')],
               [('5', 'VS', 'power_in'), ('3', 'SDA', 'bidirectional'), ('4', 'SCL', 'input'), ('6', 'GND', 'power_in')],
               6.35, 'Current/power monitor, I2C'),
    'TMP102': ('U', [('6', 'SDA', 'bidirectional'), ('1', 'SCL', 'input'), ('4', 'ADD0', 'input')],
               [('5', 'V+', 'power_in'), ('3', 'ALERT', 'open_collector'), ('2', 'GND', 'power_in')], 6.35,
               'Temperature sensor, I2C'),
    '74LVC2G07': ('U', [('1', '1A', 'input'), ('3', '2A', 'input'), ('5', 'VCC', 'power_in')],
                  [('6', '1Y', 'open_collector'), ('4', '2Y', 'open_collector'), ('2', 'GND', 'power_in')], 6.35,
                  'Dual buffer with open-drain outputs'),
    'Conn_01x02': ('J', [('1', 'Pin_1', 'passive'), ('2', 'Pin_2', 'passive')], [], 2.54, 'Connector, 2 ways'),
    'Conn_01x03': ('J', [('1', 'Pin_1', 'passive'), ('2', 'Pin_2', 'passive'), ('3', 'Pin_3', 'passive')], [], 2.54,
                   'Connector, 3 ways'),
    'Conn_01x04': ('J', [(str(i), f'Pin_{i}', 'passive') for i in range(1, 5)], [], 2.54, 'Connector, 4 ways'),
    'Conn_01x05': ('J', [(str(i), f'Pin_{i}', 'passive') for i in range(1, 6)], [], 2.54, 'Connector, 5 ways'),
    'Fan_4pin': ('J', [('1', 'GND', 'passive'), ('2', '+5V', 'passive'), ('3', 'TACH', 'passive'),
                       ('4', 'PWM', 'passive')], [], 3.81, '4-pin PWM fan header'),
    'MountingHole': ('H', [], [], 2.54, 'Mounting hole'),
}

# --- parts: ref -> (symbol, footprint, value, MPN, board x, y, rotation, {pin: net}) ------------------
# Board coordinates in mm from the HAT's top-left corner (the 40-pin header along the top edge).

GND, V5, V3, V5IN = 'GND', '+5V', '+3V3', '+5V_IN'

PARTS = {
    # the BMC Pi's header: pin 1 at (8.37, 4.77), even pins along the board edge
    'J1': ('RPi_GPIO_40', 'PinSocket_2x20_P2.54mm_Vertical', 'RPi_GPIO', 'Samtec ESQ-120-14-T-D (stacking) or any 2x20 socket',
           8.37, 4.77, 0, {
               '1': V3, '17': V3, '2': V5, '4': V5,
               '6': GND, '9': GND, '14': GND, '20': GND, '25': GND, '30': GND, '34': GND, '39': GND,
               '3': 'I2C_SDA', '5': 'I2C_SCL', '7': 'ONEWIRE', '8': 'UART_TX', '10': 'UART_RX',
               '11': 'NODE_EN', '13': 'NODE_RESET_N', '15': 'NODE_SHUTDOWN_N',
               '29': 'FAN2_TACH', '31': 'FAN1_TACH', '32': 'FAN1_PWM', '33': 'FAN2_PWM'}),
    # power in from the backplane and the node's switched, measured 5 V out
    'J2': ('Conn_01x02', 'TerminalBlock_1x02_P5.08mm', '5V IN', 'Phoenix 1935161', 12.0, 50.5, 0, {'1': V5IN, '2': GND}),
    'J3': ('Conn_01x02', 'TerminalBlock_1x02_P5.08mm', 'NODE 5V', 'Phoenix 1935161', 24.0, 50.5, 0,
           {'1': 'NODE_5V', '2': GND}),
    'J4': ('Conn_01x05', 'PinHeader_1x05_P2.54mm_Vertical', 'NODE', 'Harwin M20-9990545', 36.5, 52.5, 0, {
        '1': GND, '2': 'NODE_RXD', '3': 'NODE_TXD', '4': 'NODE_RUN', '5': 'NODE_GPIO3'}),
    # RMC variant: two 5 V PWM fans, an I2C sensor lead (TMP117 at the exhaust), a DS18B20 lead
    'J5': ('Fan_4pin', 'FanHeader_1x04_P2.54mm_Vertical', 'FAN1', 'Molex 47053-1000', 62.46, 13.0, 0, {
        '1': GND, '2': V5, '3': 'FAN1_TACH_IN', '4': 'FAN1_PWM_OUT'}),
    'J6': ('Fan_4pin', 'FanHeader_1x04_P2.54mm_Vertical', 'FAN2', 'Molex 47053-1000', 62.46, 28.0, 0, {
        '1': GND, '2': V5, '3': 'FAN2_TACH_IN', '4': 'FAN2_PWM_OUT'}),
    'J7': ('Conn_01x04', 'PinHeader_1x04_P2.54mm_Vertical', 'I2C SENSOR', 'Harwin M20-9990445', 2.54, 13.0, 0, {
        '1': GND, '2': V3, '3': 'I2C_SDA', '4': 'I2C_SCL'}),
    'J8': ('Conn_01x03', 'PinHeader_1x03_P2.54mm_Vertical', '1-WIRE', 'Harwin M20-9990345', 2.54, 28.0, 0, {
        '1': GND, '2': 'ONEWIRE', '3': V3}),
    # reverse-polarity protection (P-FET ideal diode) and the input TVS
    'Q3': ('Q_PMOS_GSD', 'SOT-23', 'AO3401A', 'AO3401A', 12.0, 43.0, 90, {'1': 'Q3_GATE', '2': V5, '3': V5IN}),
    'R17': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 8.0, 43.0, 90, {'1': 'Q3_GATE', '2': GND}),
    'D1': ('D_TVS', 'D_SMB', 'SMBJ5.0A', 'SMBJ5.0A', 9.0, 37.0, 90, {'1': V5, '2': GND}),
    'C6': ('C', 'C_1206_3216Metric', '22uF 10V', 'GRM31CR61A226KE19L', 14.0, 36.0, 90, {'1': V5, '2': GND}),
    # the node's load switch: Q1 (P-FET) turned on by Q2 from NODE_EN, soft-started by C3
    'Q1': ('Q_PMOS_GSD', 'SOT-23', 'AO3401A', 'AO3401A', 24.0, 40.0, 90, {'1': 'Q1_GATE', '2': V5, '3': 'NODE_5V_SW'}),
    'R2': ('R', 'R_0603_1608Metric', '100k', 'RC0603FR-07100KL', 19.0, 34.0, 90, {'1': V5, '2': 'Q1_GATE'}),
    'C3': ('C', 'C_0603_1608Metric', '100nF', 'GRM188R71H104KA93D', 21.0, 34.0, 90, {'1': V5, '2': 'Q1_GATE'}),
    'R3': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 23.0, 34.0, 90, {'1': 'Q1_GATE', '2': 'Q2_DRAIN'}),
    'Q2': ('Q_NMOS_GSD', 'SOT-23', '2N7002', '2N7002', 24.0, 28.0, 90, {'1': 'Q2_GATE', '2': GND, '3': 'Q2_DRAIN'}),
    'R4': ('R', 'R_0603_1608Metric', '100', 'RC0603FR-07100RL', 21.0, 24.0, 0, {'1': 'NODE_EN', '2': 'Q2_GATE'}),
    'R5': ('R', 'R_0603_1608Metric', '100k', 'RC0603FR-07100KL', 21.0, 21.0, 0, {'1': 'NODE_EN', '2': GND}),
    # the node's current shunt and power monitor (0x40: A0 = A1 = GND)
    'R1': ('R', 'R_2512_6332Metric', '0.1', 'WSL2512R1000FEA', 30.0, 40.0, 90, {'1': 'NODE_5V_SW', '2': 'NODE_5V'}),
    'U1': ('INA219', 'SOIC-8_3.9x4.9mm_P1.27mm', 'INA219AIDR', 'INA219AIDR', 36.0, 38.0, 0, {
        '8': 'NODE_5V_SW', '7': 'NODE_5V', '2': GND, '1': GND, '5': V3, '3': 'I2C_SDA', '4': 'I2C_SCL', '6': GND}),
    'C1': ('C', 'C_0603_1608Metric', '100nF', 'GRM188R71H104KA93D', 41.0, 35.0, 90, {'1': V3, '2': GND}),
    'C7': ('C', 'C_1206_3216Metric', '10uF 10V', 'GRM31CR61A106KA01L', 34.5, 47.5, 0, {'1': 'NODE_5V', '2': GND}),
    # the thermometer beside the node (0x48: ADD0 = GND)
    'U2': ('TMP102', 'SOT-563', 'TMP102AIDRLR', 'TMP102AIDRLR', 34.0, 22.0, 0, {
        '6': 'I2C_SDA', '1': 'I2C_SCL', '4': GND, '5': V3, '2': GND}),
    'C2': ('C', 'C_0603_1608Metric', '100nF', 'GRM188R71H104KA93D', 37.5, 22.0, 90, {'1': V3, '2': GND}),
    # node reset and shutdown: open-drain, non-inverting, released while the BMC boots
    'U3': ('74LVC2G07', 'SOT-23-6', '74LVC2G07', 'SN74LVC2G07DBVR', 44.0, 44.0, 0, {
        '1': 'NODE_RESET_N', '3': 'NODE_SHUTDOWN_N', '5': V3, '6': 'NODE_RUN', '4': 'NODE_GPIO3', '2': GND}),
    'R6': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 40.0, 28.0, 90, {'1': V3, '2': 'NODE_RESET_N'}),
    'R7': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 42.0, 28.0, 90, {'1': V3, '2': 'NODE_SHUTDOWN_N'}),
    'C4': ('C', 'C_0603_1608Metric', '100nF', 'GRM188R71H104KA93D', 48.0, 40.0, 90, {'1': V3, '2': GND}),
    # console UART: series resistors keep an unpowered node from being fed through its UART
    'R14': ('R', 'R_0603_1608Metric', '1k', 'RC0603FR-071KL', 47.0, 27.0, 90, {'1': 'UART_TX', '2': 'NODE_RXD'}),
    'R15': ('R', 'R_0603_1608Metric', '1k', 'RC0603FR-071KL', 49.0, 27.0, 90, {'1': 'UART_RX', '2': 'NODE_TXD'}),
    # RMC variant: fan PWM buffers (open-drain, inputs pulled up so fans run full while the RMC boots)
    'U4': ('74LVC2G07', 'SOT-23-6', '74LVC2G07', 'SN74LVC2G07DBVR', 54.0, 14.0, 0, {
        '1': 'FAN1_PWM', '3': 'FAN2_PWM', '5': V3, '6': 'FAN1_PWM_OUT', '4': 'FAN2_PWM_OUT', '2': GND}),
    'R8': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 50.0, 10.5, 90, {'1': V3, '2': 'FAN1_PWM'}),
    'R9': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 52.0, 10.5, 90, {'1': V3, '2': 'FAN2_PWM'}),
    'C5': ('C', 'C_0603_1608Metric', '100nF', 'GRM188R71H104KA93D', 54.0, 18.5, 0, {'1': V3, '2': GND}),
    # fan tach: pulled up to 3V3, series resistor and ESD towards the fan lead
    'R10': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 52.0, 24.0, 90, {'1': V3, '2': 'FAN1_TACH'}),
    'R11': ('R', 'R_0603_1608Metric', '10k', 'RC0603FR-0710KL', 54.0, 24.0, 90, {'1': V3, '2': 'FAN2_TACH'}),
    'R12': ('R', 'R_0603_1608Metric', '1k', 'RC0603FR-071KL', 56.5, 24.0, 90, {'1': 'FAN1_TACH', '2': 'FAN1_TACH_IN'}),
    'R13': ('R', 'R_0603_1608Metric', '1k', 'RC0603FR-071KL', 58.5, 24.0, 90, {'1': 'FAN2_TACH', '2': 'FAN2_TACH_IN'}),
    'D2': ('ESD_2ch', 'SOT-23', 'PESD5V0S2BT', 'PESD5V0S2BT', 56.5, 34.0, 0, {
        '1': 'FAN1_TACH_IN', '2': 'FAN2_TACH_IN', '3': GND}),
    # sensor leads: ESD on the I2C lead, 1-Wire pull-up and ESD
    'D3': ('ESD_2ch', 'SOT-23', 'PESD5V0S2BT', 'PESD5V0S2BT', 7.5, 17.0, 0, {'1': 'I2C_SDA', '2': 'I2C_SCL', '3': GND}),
    'R16': ('R', 'R_0603_1608Metric', '4.7k', 'RC0603FR-074K7L', 7.5, 26.0, 90, {'1': V3, '2': 'ONEWIRE'}),
    'D4': ('D_TVS', 'D_SOD-323', 'PESD5V0S1BA', 'PESD5V0S1BA', 7.5, 31.0, 90, {'1': 'ONEWIRE', '2': GND}),
    # HAT mounting holes, 58 x 49 mm
    'H1': ('MountingHole', 'MountingHole_2.75mm_M2.5', 'M2.5', '', 3.5, 3.5, 0, {}),
    'H2': ('MountingHole', 'MountingHole_2.75mm_M2.5', 'M2.5', '', 61.5, 3.5, 0, {}),
    'H3': ('MountingHole', 'MountingHole_2.75mm_M2.5', 'M2.5', '', 3.5, 52.5, 0, {}),
    'H4': ('MountingHole', 'MountingHole_2.75mm_M2.5', 'M2.5', '', 61.5, 52.5, 0, {}),
}

BOARD_W, BOARD_H, CORNER_R = 65.0, 56.5, 3.0

# track widths (mm): (preferred, narrowest where the preferred does not fit, e.g. into a SOT-23 pad)
WIDTHS = {'+5V_IN': (1.2, 0.5), '+5V': (1.0, 0.5), 'NODE_5V_SW': (1.2, 0.5), 'NODE_5V': (1.2, 0.5),
          'GND': (0.5, 0.2), '+3V3': (0.4, 0.2)}
SIGNAL_WIDTH = 0.2
CLEARANCE = 0.15
VIA = (0.6, 0.3)  # diameter, drill
