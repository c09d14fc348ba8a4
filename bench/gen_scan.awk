# gen_scan.awk - a province-sized data set for bench/scan.sh: P projects,
# W workers (each employed on one project), one month of attendance
# (2026-02, 22 days a worker), 12 months of payroll (2025-03 .. 2026-02),
# the bank's wage transfers matching the payroll, a monthly labour-cost
# transfer per project, accounts and 1% deposits - with a few percent of
# violations so every rule has work to do. Valid GB 11643 ID numbers.
# Usage: mawk -v kind=KIND -v projects=P -v workers=W -f gen_scan.awk
#   kind: projects accounts deposits workers employments attendance payroll
#         transactions day (one more day of attendance, 2026-03-19)
# Months without attendance carry days_worked 0 (their attendance is
# archived), so DAYS_MISMATCH stays a finding of a few percent.
function idnum(i,    b, s, k) {
	b = sprintf("120116%04d%02d%02d%03d", 1960 + i % 40, 1 + int(i / 40) % 12,
		    1 + int(i / 480) % 28, int(i / 13440) % 1000)
	s = 0
	for (k = 1; k <= 17; k++)
		s += substr(b, k, 1) * W[k]
	return b substr("10X98765432", s % 11 + 1, 1)
}
function proj(i) { return sprintf("B%05d", i) }
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", W, " ")
	if (kind == "projects") {
		print "code,name,region_code,street,owner_uscc,contractor_uscc,contract_amount,contract_date,start_date,status,board_installed_date"
		for (p = 0; p < projects; p++)
			printf "%s,基准项目%d,120116,街道%d,91120116MA05000011,91120116MA05000024,10000000.00,2025-01-02,2025-02-03,active,%s\n",
			       proj(p), p, p % 20, (p % 97 == 0) ? "" : "2025-02-05"
	} else if (kind == "accounts") {
		print "account_no,project_code,bank_name,opened_date"
		for (p = 0; p < projects; p++)
			if (p % 211 != 5)
				printf "A%05d,%s,基准银行,2025-01-20\n", p, proj(p)
	} else if (kind == "deposits") {
		print "project_code,deposit_no,form,amount,deposit_date"
		for (p = 0; p < projects; p++)
			printf "%s,D%05d,guarantee,%s,2025-01-20\n", proj(p), p, (p % 89 == 0) ? "99999.99" : "100000.00"
	} else if (kind == "workers") {
		print "id_number,name"
		for (w = 0; w < workers; w++)
			printf "%s,工人%d\n", idnum(w), w
	} else if (kind == "employments") {
		print "project_code,worker_id_number,employer_uscc,entry_date,contract_signed_date"
		for (w = 0; w < workers; w++)
			if (w % 1009 != 7) # a few never registered
				printf "%s,%s,91120116MA05000024,2025-02-03,%s\n", proj(w % projects), idnum(w),
				       (w % 577 == 3) ? "" : "2025-02-03"
	} else if (kind == "attendance" || kind == "day") {
		print "project_code,worker_id_number,date,hours"
		for (w = 0; w < workers; w++) {
			id = idnum(w); p = proj(w % projects)
			if (kind == "day") {
				printf "%s,%s,2026-03-19,8\n", p, id
				continue
			}
			for (d = 0; d < 28 && d - int(d / 7) * 7 < 7; d++) {
				if (d % 7 >= 5 && d < 26) continue   # weekends, but 22 days in all
				printf "%s,%s,2026-02-%02d,8\n", p, id, d + 1
			}
		}
	} else if (kind == "payroll" || kind == "transactions") {
		if (kind == "payroll")
			print "project_code,worker_id_number,period,employer_uscc,days_worked,amount_due,amount_paid,paid_date,channel"
		else
			print "account_no,txn_id,txn_date,kind,amount,worker_id_number,period"
		if (kind == "transactions")
			for (p = 0; p < projects; p++)
				if (p % 211 != 5)
					for (m = 0; m < 13; m++) {
						y = 2025 + int((m + 2) / 12); mm = (m + 2) % 12 + 1
						if (!(p % 53 == 1 && m > 9)) # some projects stop paying labour costs
							printf "A%05d,L%05d-%02d,%d-%02d-05,labor_cost,%d.00\n", p, p, m, y, mm,
							       (p % 61 == 2) ? 1000 : 600000
					}
		n = 0
		for (w = 0; w < workers; w++) {
			id = idnum(w); p = w % projects
			for (m = 0; m < 12; m++) {
				y = 2025 + int((m + 2) / 12); mm = (m + 2) % 12 + 1   # 2025-03 .. 2026-02
				ny = 2025 + int((m + 3) / 12); nm = (m + 3) % 12 + 1
				due = 7000 + w % 900
				days = (m == 11) ? 22 : 0
				paid = due; channel = "bank"; paid_date = sprintf("%d-%02d-10", ny, nm)
				if (m == 11 && w % 97 == 1) { paid = 0; paid_date = "" }       # unpaid
				if (m == 11 && w % 211 == 2 && paid > 0) paid = due - 500      # short
				if (w % 499 == 3 && m == 10) channel = "cash"                  # not via bank
				if (m == 11 && w % 389 == 4) days = 17                         # days mismatch
				if (kind == "payroll")
					printf "%s,%s,%d-%02d,91120116MA05000024,%d,%d.00,%d.00,%s,%s\n",
					       proj(p), id, y, mm, days, due, paid, paid_date, channel
				else if (paid > 0 && channel == "bank" && p % 211 != 5)
					printf "A%05d,T%09d,%s,wage,%d.00,%s,%d-%02d\n", p, n++, paid_date,
					       (w % 1999 == 5 && m == 11) ? paid - 2 : paid, id, y, mm
			}
		}
	}
}
