# The reference bench/cli.ts compares `contrib apportion --members` with: a short Python script doing the same
# apportionment (R4-R6: floor each exact quota to the rounding unit, hand the missing units to the largest
# remainders, ties to more units then code) with the csv and decimal modules, written as a newcomer would.
# Usage: python3 bench/apportion-members.py MEMBERS.csv TOTAL ROUNDING_UNIT > out.csv   (WIPO unitary classes)
import csv
import sys
from decimal import Decimal, ROUND_FLOOR, ROUND_HALF_UP, getcontext

getcontext().prec = 60
UNITS = {'I': '25', 'II': '20', 'III': '15', 'IV': '10', 'IVbis': '7.5', 'V': '5', 'VI': '3', 'VIbis': '2', 'VII': '1',
         'VIII': '0.5', 'IX': '0.25', 'S': '0.125', 'Sbis': '0.0625', 'Ster': '0.03125'}

path, total, unit = sys.argv[1], Decimal(sys.argv[2]), Decimal(sys.argv[3])
with open(path, newline='', encoding='utf-8') as f:
    rows = [(r['code'], r['name'], r['class'], Decimal(UNITS[r['class']])) for r in csv.DictReader(f)]
U = sum(r[3] for r in rows)
floors, rems = [], []
for code, name, cls, u in rows:
    q = total * u / U
    fl = (q / unit).to_integral_value(ROUND_FLOOR) * unit
    floors.append(fl)
    rems.append(q - fl)
missing = int((total - sum(floors)) / unit)
order = sorted(range(len(rows)), key=lambda i: (-rems[i], -rows[i][3], rows[i][0]))
for i in order[:missing]:
    floors[i] += unit
out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['code', 'name', 'class', 'units', 'percent', 'amount'])
for (code, name, cls, u), a in zip(rows, floors):
    out.writerow([code, name, cls, u, (u * 100 / U).quantize(Decimal('0.0001'), ROUND_HALF_UP), a])
