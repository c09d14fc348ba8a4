# gen.awk - writes synthetic exchange files for the benchmarks, with valid
# GB 11643 ID numbers, so that anxin's validation runs on every row.
# Usage: awk -v kind=attendance -v rows=N -v projects=P -f gen.awk
#   kind: attendance | workers | payroll | transactions | projects
function idnum(i,    b, s, k, w) {
	b = sprintf("120116%04d%02d%02d%03d", 1960 + i % 40, 1 + int(i / 40) % 12,
		    1 + int(i / 480) % 28, int(i / 13440) % 1000)
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	s = 0
	for (k = 1; k <= 17; k++)
		s += substr(b, k, 1) * w[k]
	return b substr("10X98765432", s % 11 + 1, 1)
}
function day(d,    m) { # d-th working day slot: 2026-03-01 .. spread over months
	m = int(d / 28)
	return sprintf("2026-%02d-%02d", 1 + m % 12, 1 + d % 28)
}
BEGIN {
	if (projects == 0) projects = 100
	if (kind == "attendance") {
		print "project_code,worker_id_number,date,hours"
		days = 22
		workers = int((rows + days - 1) / days)
		n = 0
		for (w = 0; w < workers && n < rows; w++) {
			id = idnum(w)
			p = sprintf("B%05d", w % projects)
			for (d = 0; d < days && n < rows; d++) {
				printf "%s,%s,%s,%s\n", p, id, day(d), (d % 3 ? "8" : "9.5")
				n++
			}
		}
	} else if (kind == "workers") {
		print "id_number,name,phone"
		for (w = 0; w < rows; w++)
			printf "%s,工人%d,138%08d\n", idnum(w), w, w
	} else if (kind == "payroll") {
		print "project_code,worker_id_number,period,employer_uscc,days_worked,amount_due,amount_paid,paid_date,channel"
		workers = int((rows + 5) / 6)
		n = 0
		for (w = 0; w < workers && n < rows; w++)
			for (m = 1; m <= 6 && n < rows; m++) {
				printf "B%05d,%s,2026-%02d,91120116MA05000024,22,%d.50,%d.50,2026-%02d-15,bank\n",
				       w % projects, idnum(w), m, 7000 + w % 900, 7000 + w % 900, m + 1
				n++
			}
	} else if (kind == "transactions") {
		print "account_no,txn_id,txn_date,kind,amount,worker_id_number,period"
		for (i = 0; i < rows; i++)
			printf "A%05d,T%09d,2026-%02d-15,wage,%d.00,%s,2026-%02d\n",
			       i % projects, i, 1 + i % 12, 6000 + i % 2000, idnum(i), 1 + i % 12
	} else if (kind == "projects") {
		print "code,name,region_code,street,owner_uscc,contractor_uscc,contract_amount,contract_date,start_date,status"
		for (p = 0; p < projects; p++)
			printf "B%05d,基准项目%d,120116,泰达街道,91120116MA05000011,91120116MA05000024,1000000,2025-01-01,2025-02-01,active\n", p, p
	} else if (kind == "accounts") {
		print "account_no,project_code,bank_name,opened_date"
		for (p = 0; p < projects; p++)
			printf "A%05d,B%05d,基准银行,2025-02-01\n", p, p
	}
}
