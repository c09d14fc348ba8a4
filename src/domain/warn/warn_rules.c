/*
 * warn_rules.c - the rule catalogue as data (see warn_rules.h). Legal
 * texts are short paraphrases of 保障农民工工资支付条例 (国务院令第724号) and
 * the other instruments named in warning-rules.md, enough for an official
 * to cite; the action is what the platform suggests the street or the
 * inspector do.
 */
#include "domain/warn/warn_rules.h"

#include <string.h>

const warn_rule WARN_RULES[WARN_NRULES] = {
	[R_NO_ACCOUNT] = {"NO_ACCOUNT", "未按规定开设农民工工资专用账户", 0, WL_ORANGE,
		"保障农民工工资支付条例 第二十六条; 工程建设领域农民工工资专用账户管理暂行办法",
		"施工总承包单位应当按照有关规定开设农民工工资专用账户,专项用于支付该工程建设项目农民工工资;应自施工合同签订之日起30日内开设。",
		"责令施工总承包单位限期开设专用账户并报送开户信息;逾期未改正的,依条例第五十五条处理。",
		"contractor"},
	[R_LABOR_COST_LATE] = {"LABOR_COST_LATE", "人工费用未按时拨付", 0, WL_YELLOW,
		"保障农民工工资支付条例 第二十四条",
		"建设单位应当按照合同约定及时拨付工程款,并将人工费用及时足额拨付至农民工工资专用账户;人工费用拨付周期不得超过1个月。",
		"约谈建设单位,督促按拨付周期将人工费用拨付至专用账户,并核查拨付凭证。",
		"owner"},
	[R_WAGE_UNPAID] = {"WAGE_UNPAID", "拖欠工资(未按月发放)", 1, WL_ORANGE,
		"保障农民工工资支付条例 第十二条, 第三十条",
		"用人单位应当按照约定的工资支付周期和具体支付日期足额支付工资;分包单位拖欠农民工工资的,由施工总承包单位先行清偿。",
		"立即核实欠薪人员与金额,责令施工总承包单位限期清偿;涉及人数多或连续欠薪的转执法检查。",
		"contractor"},
	[R_WAGE_SHORT] = {"WAGE_SHORT", "工资未足额发放", 1, WL_YELLOW,
		"保障农民工工资支付条例 第十二条",
		"用人单位应当按照与农民工书面约定或者依法制定的规章制度规定的工资支付周期和具体支付日期足额支付工资。",
		"核实差额原因,督促用工单位补足差额并提交补发凭证。",
		"contractor"},
	[R_NOT_VIA_BANK] = {"NOT_VIA_BANK", "未通过专用账户代发工资", 1, WL_YELLOW,
		"保障农民工工资支付条例 第三十一条",
		"工程建设领域推行分包单位农民工工资委托施工总承包单位代发制度,施工总承包单位通过农民工工资专用账户直接将工资支付到农民工本人的银行账户。",
		"责令施工总承包单位改由专用账户代发工资,并核实现金发放的真实性。",
		"contractor"},
	[R_BANK_MISMATCH] = {"BANK_MISMATCH", "工资表与银行代发记录不符", 1, WL_ORANGE,
		"保障农民工工资支付条例 第十五条",
		"用人单位应当按照工资支付周期编制书面工资支付台账,并至少保存3年;工资支付台账应当如实记录支付情况。",
		"调取银行代发明细与工资支付台账逐人核对,查明差额去向。",
		"contractor"},
	[R_BALANCE_LOW] = {"BALANCE_LOW", "专用账户余额不足", 0, WL_YELLOW,
		"保障农民工工资支付条例 第二十四条, 第二十九条",
		"建设单位应当按时足额拨付人工费用;专用账户资金不足以支付农民工工资的,施工总承包单位应当及时报告。",
		"通知建设单位补足人工费用,提示施工总承包单位报告资金缺口。",
		"owner"},
	[R_NO_DEPOSIT] = {"NO_DEPOSIT", "未按规定存储工资保证金", 0, WL_YELLOW,
		"保障农民工工资支付条例 第三十二条; 工程建设领域农民工工资保证金规定",
		"施工总承包单位应当按照有关规定存储工资保证金,专项用于支付为所承包工程提供劳动的农民工被拖欠的工资;应在施工合同签订之日起20个工作日内存储。",
		"责令施工总承包单位限期存储工资保证金(或提交银行保函、保证保险)。",
		"contractor"},
	[R_NO_CONTRACT] = {"NO_CONTRACT", "未签订书面劳动合同", 0, WL_YELLOW,
		"劳动合同法 第十条; 保障农民工工资支付条例 第二十八条",
		"建立劳动关系,应当订立书面劳动合同;已建立劳动关系未同时订立的,应当自用工之日起一个月内订立。",
		"督促用工单位与名单内人员签订书面劳动合同并上传合同信息。",
		"contractor"},
	[R_UNREGISTERED] = {"UNREGISTERED", "未实名登记用工", 1, WL_YELLOW,
		"保障农民工工资支付条例 第二十八条; 建筑工人实名制管理办法(试行)",
		"施工总承包单位应当对所招用农民工进行实名登记管理,未与施工总承包单位或者分包单位订立劳动合同并进行用工实名登记的人员,不得进入项目现场施工。",
		"督促补办实名登记(进退场),核实考勤人员身份。",
		"contractor"},
	[R_NO_BOARD] = {"NO_BOARD", "未设立维权信息告示牌", 0, WL_YELLOW,
		"保障农民工工资支付条例 第三十四条",
		"施工总承包单位应当在施工现场醒目位置设立维权信息告示牌,明示建设单位、施工总承包单位、项目负责人、劳资专管员及当地投诉举报电话等信息。",
		"责令限期设立维权信息告示牌并上传照片。",
		"contractor"},
	[R_BELOW_MIN_WAGE] = {"BELOW_MIN_WAGE", "工资低于最低工资标准", 1, WL_ORANGE,
		"最低工资规定 第十二条",
		"在劳动者提供正常劳动的情况下,用人单位应支付给劳动者的工资在剔除加班工资、特殊津贴、法定福利后不得低于当地最低工资标准。",
		"核实出勤与工资计算,责令补足至最低工资标准。",
		"contractor"},
	[R_COMPLETION_UNSETTLED] = {"COMPLETION_UNSETTLED", "竣工项目未结清工资", 0, WL_RED,
		"保障农民工工资支付条例 第三十条, 第三十六条",
		"工程完工后,施工总承包单位应当结清农民工工资;建设单位或者施工总承包单位未结清的,不得办理竣工结算后续手续,并依法先行清偿。",
		"立即约谈建设单位和施工总承包单位,限期结清;可动用工资保证金,必要时转执法检查。",
		"contractor"},
	[R_DAYS_MISMATCH] = {"DAYS_MISMATCH", "工资表出勤与考勤不符", 1, WL_YELLOW,
		"保障农民工工资支付条例 第十五条",
		"工资支付台账应当包括用人单位名称、支付周期、支付日期、支付对象姓名、身份证号码、联系方式、工作时间、应发工资项目及数额等内容。",
		"核对考勤记录与工资表,更正台账或补录考勤。",
		"contractor"},
};

int warn_rule_find(const char *code)
{
	for (int i = 0; i < WARN_NRULES; i++)
		if (code && strcmp(WARN_RULES[i].code, code) == 0)
			return i;
	return -1;
}

const char *warn_level_name(warn_level l)
{
	return l == WL_RED ? "red" : l == WL_ORANGE ? "orange" : "yellow";
}

const char *warn_level_zh(warn_level l)
{
	return l == WL_RED ? "红色" : l == WL_ORANGE ? "橙色" : "黄色";
}

warn_level warn_level_parse(const char *s)
{
	if (!s)
		return 0;
	if (!strcmp(s, "red") || !strcmp(s, "红色"))
		return WL_RED;
	if (!strcmp(s, "orange") || !strcmp(s, "橙色"))
		return WL_ORANGE;
	if (!strcmp(s, "yellow") || !strcmp(s, "黄色"))
		return WL_YELLOW;
	return 0;
}

const char *warn_status_zh(const char *status)
{
	if (!strcmp(status, "open"))
		return "待处置";
	if (!strcmp(status, "handling"))
		return "处置中";
	return "已消除";
}

/* Which rules read which kind (warning-rules.md, column "condition"). */
unsigned warn_kind_mask(const char *kind, int *per_month)
{
	static const struct {
		const char *kind;
		unsigned mask;
		int per_month;
	} t[] = {
		{"projects", WARN_ALL, 0},
		{"employments", WARN_BIT(R_NO_CONTRACT) | WARN_BIT(R_UNREGISTERED), 0},
		{"attendance", WARN_BIT(R_UNREGISTERED) | WARN_BIT(R_WAGE_UNPAID) |
			WARN_BIT(R_DAYS_MISMATCH) | WARN_BIT(R_COMPLETION_UNSETTLED), 1},
		{"payroll", WARN_BIT(R_WAGE_UNPAID) | WARN_BIT(R_WAGE_SHORT) | WARN_BIT(R_NOT_VIA_BANK) |
			WARN_BIT(R_BANK_MISMATCH) | WARN_BIT(R_BALANCE_LOW) | WARN_BIT(R_BELOW_MIN_WAGE) |
			WARN_BIT(R_COMPLETION_UNSETTLED) | WARN_BIT(R_DAYS_MISMATCH), 1},
		{"accounts", WARN_BIT(R_NO_ACCOUNT) | WARN_BIT(R_LABOR_COST_LATE) |
			WARN_BIT(R_BALANCE_LOW) | WARN_BIT(R_BANK_MISMATCH), 0},
		{"transactions", WARN_BIT(R_LABOR_COST_LATE) | WARN_BIT(R_BALANCE_LOW) |
			WARN_BIT(R_BANK_MISMATCH), 0},
		{"deposits", WARN_BIT(R_NO_DEPOSIT), 0},
		/* a new minimum wage may change any project: the store asks for a
		 * full scan instead */
		{"min_wages", WARN_BIT(R_BELOW_MIN_WAGE), 0},
	};

	*per_month = 0;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i].kind, kind)) {
			*per_month = t[i].per_month;
			return t[i].mask;
		}
	return 0;
}

const warn_value_label WARN_EVIDENCE_VALUES[] = {
	{"unpaid", "未发放"}, {"short", "未足额发放"},
	{"bank", "银行代发"}, {"cash", "现金"}, {"other", "其他"},
	{"labor_cost", "人工费用拨付"}, {"wage", "工资代发"}, {"refund", "退回"},
	{"other_in", "其他入账"}, {"other_out", "其他出账"},
	{"guarantee", "银行保函"}, {"insurance", "保证保险"},
	{"opened_date", "专用账户开立日期"}, {"true", "是"}, {"false", "否"},
	{NULL, NULL},
};
