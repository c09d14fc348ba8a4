/*
 * site_checks_sql.S - embeds the test kind's migration as mig_test /
 * mig_test_end, which src/store/migrations.c lists when built with
 * -DANXIN_TEST_MIGRATION (the test build $(B)/anxin-kind only).
 */
	.section .rodata
	.global mig_test; .global mig_test_end
mig_test: .incbin "tests/kind/9001_site_checks.sql"
mig_test_end: .byte 0
	.global mig_test_pg; .global mig_test_pg_end
mig_test_pg: .incbin "tests/kind/9001_site_checks.pg.sql"
mig_test_pg_end: .byte 0

	.section .note.GNU-stack,"",@progbits
