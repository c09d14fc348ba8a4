/*
 * common_passwords.S - embeds src/domain/access/common_passwords.txt (the list of
 * common passwords user.c refuses) into the binary as
 * user_common_passwords / user_common_passwords_end, NUL-terminated.
 */
	.section .rodata
	.global user_common_passwords
	.global user_common_passwords_end
user_common_passwords:
	.incbin "src/domain/access/common_passwords.txt"
user_common_passwords_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
