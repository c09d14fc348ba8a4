/*
 * demo_names.c - the tables of `anxin demo`: the streets, towns and
 * functional zones of 天津市滨海新区, home regions of migrant workers,
 * surnames and given names, banks, teams and trades, and the word lists
 * behind enterprise and project names. Also the small generators that
 * draw from them. Pure data and string assembly: no I/O, no database.
 *
 * Street list: the 21 街镇 of 滨海新区 (2022) and its five functional
 * zones. Home regions: county codes of GB/T 2260 (older codes included on
 * purpose: an ID number keeps the code of the place of first registration).
 * Enterprise brand words are made up; any likeness to a real company is
 * accidental. Card prefixes are UnionPay-style (62...), illustrative only.
 */
#include "demo/demo_names.h"

#include <stdio.h>
#include <string.h>

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

const demo_street demo_streets[] = {
	{"塘沽街道", "塘沽", 8},
	{"杭州道街道", "杭州道", 5},
	{"新河街道", "新河", 5},
	{"大沽街道", "大沽", 6},
	{"新北街道", "新北", 6},
	{"北塘街道", "北塘", 5},
	{"胡家园街道", "胡家园", 5},
	{"新港街道", "新港", 4},
	{"新村街道", "新村", 4},
	{"泰达街道", "泰达", 4},
	{"汉沽街道", "汉沽", 4},
	{"寨上街道", "寨上", 3},
	{"茶淀街道", "茶淀", 3},
	{"大港街道", "大港", 6},
	{"古林街道", "古林", 4},
	{"海滨街道", "海滨", 4},
	{"新城镇", "新城", 3},
	{"杨家泊镇", "杨家泊", 2},
	{"太平镇", "太平", 2},
	{"小王庄镇", "小王庄", 2},
	{"中塘镇", "中塘", 3},
	{"天津经济技术开发区", "开发区", 12},
	{"天津港保税区", "保税区", 8},
	{"滨海高新区", "高新区", 7},
	{"东疆综合保税区", "东疆", 4},
	{"中新天津生态城", "生态城", 8},
};
const int demo_nstreets = N(demo_streets);

const demo_bank demo_banks[] = {
	{"中国工商银行", "622202", "0302", 20},
	{"中国农业银行", "622848", "0225", 18},
	{"中国建设银行", "621700", "1205", 20},
	{"中国银行", "621661", "2726", 12},
	{"交通银行", "622262", "1203", 8},
	{"天津银行", "621685", "1001", 8},
	{"中国邮政储蓄银行", "621799", "9120", 9},
	{"天津农商银行", "621456", "3501", 5},
};
const int demo_nbanks = N(demo_banks);

const demo_team demo_teams[] = {
	{"木工班", {"木工", "模板工"}, 300, 420, 22},
	{"钢筋班", {"钢筋工", "钢筋工"}, 300, 420, 20},
	{"混凝土班", {"混凝土工", "普工"}, 240, 360, 16},
	{"架子工班", {"架子工", "架子工"}, 320, 450, 12},
	{"水电班", {"电工", "管道工"}, 280, 400, 14},
	{"瓦工班", {"砌筑工", "抹灰工"}, 260, 380, 16},
};
const int demo_nteams = N(demo_teams);

/* ---- people ------------------------------------------------------------- */

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
	"胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢",
	"韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "傅", "沈",
	"曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶",
	"阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范",
	"方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白",
	"崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "段",
	"雷", "钱", "汤", "尹", "易", "常", "武", "乔", "贺", "龚", "牛", "欧阳",
};
/* The first ten surnames cover about 40% of people: draw them more. */
static const char *const male_a[] = {
	"建", "国", "志", "永", "海", "卫", "红", "德", "宝", "金", "玉", "俊",
	"文", "明", "春", "立", "新", "长", "振", "学", "连", "庆", "洪", "占",
	"树", "万", "福", "胜", "家", "兴", "军", "广", "保", "云", "东", "秋",
};
static const char *const male_b[] = {
	"国", "军", "强", "刚", "伟", "华", "明", "林", "平", "东", "生", "春",
	"峰", "涛", "杰", "成", "龙", "亮", "斌", "鹏", "飞", "辉", "民", "兵",
	"山", "海", "全", "忠", "勇", "江", "旺", "喜", "发", "良", "柱", "贵",
};
static const char *const female_a[] = {
	"秀", "丽", "玉", "桂", "淑", "春", "红", "凤", "翠", "美", "素", "艳",
	"海", "金", "小", "月",
};
static const char *const female_b[] = {
	"英", "兰", "芳", "华", "珍", "梅", "霞", "琴", "云", "莲", "娟", "芬",
	"荣", "敏", "燕", "萍",
};

void demo_person_name(demo_rng *r, int female, char *out, size_t n)
{
	int ns = N(surnames);
	int s = demo_rng_chance(r, 400) ? (int)demo_rng_range(r, 0, 9)
					 : (int)demo_rng_range(r, 0, ns - 1);
	const char *const *a = female ? female_a : male_a;
	const char *const *b = female ? female_b : male_b;
	int na = female ? N(female_a) : N(male_a);
	int nb = female ? N(female_b) : N(male_b);
	const char *g2 = b[demo_rng_range(r, 0, nb - 1)];

	if (demo_rng_chance(r, 220)) /* one-character given name */
		snprintf(out, n, "%s%s", surnames[s], g2);
	else
		snprintf(out, n, "%s%s%s", surnames[s], a[demo_rng_range(r, 0, na - 1)], g2);
}

void demo_mobile(demo_rng *r, char *out)
{
	static const int pfx[] = {130, 131, 132, 133, 134, 135, 136, 137, 138, 139,
				  150, 151, 152, 153, 155, 156, 157, 158, 159, 166,
				  176, 177, 178, 180, 181, 182, 183, 185, 186, 187,
				  188, 189, 191, 198, 199};
	snprintf(out, 12, "%d%08d", pfx[demo_rng_range(r, 0, N(pfx) - 1)],
		 (int)demo_rng_range(r, 0, 99999999));
}

void demo_landline(demo_rng *r, char *out)
{
	snprintf(out, 16, "022-%d%07d", demo_rng_chance(r, 700) ? 2 : 6,
		 (int)demo_rng_range(r, 0, 9999999));
}

/* County codes by province, with the province's share of workers. */
static const char *const tianjin[] = {
	"120116", "120107", "120108", "120109", "120110", "120111", "120112",
	"120113", "120221", "120223", "120224", "120225", "120104", "120102",
};
static const char *const hebei[] = {
	"130202", "130203", "130223", "130281", "130283", "130622", "130681",
	"130921", "130922", "130981", "130982", "130984", "131022", "131081",
	"131082", "131121", "131182",
};
static const char *const shandong[] = {
	"370181", "370481", "370883", "371321", "371322", "371323", "371326",
	"371402", "371521", "371522", "371621", "371722",
};
static const char *const henan[] = {
	"411421", "411422", "411424", "411521", "411522", "411523", "411524",
	"411525", "411526", "411527", "411528", "411621", "411622", "411623",
	"411625", "411627", "411628",
};
static const char *const anhui[] = {
	"340421", "341221", "341222", "341225", "341226", "341321", "341322",
	"341323", "341324", "341621", "341622", "341623",
};
static const char *const sichuan[] = {
	"510921", "511321", "511322", "511323", "511324", "511325", "511621",
	"511622", "511623", "511921", "511922", "511923",
};
static const char *const gansu[] = {
	"620421", "620422", "620521", "620522", "620523", "620524", "621121",
	"621122", "621123", "621124", "621221",
};

const char *demo_home_region(demo_rng *r)
{
	static const int w[] = {15, 25, 15, 18, 12, 8, 7};
	static const char *const *lists[] = {tianjin, hebei, shandong, henan, anhui, sichuan, gansu};
	static const int sizes[] = {N(tianjin), N(hebei), N(shandong), N(henan), N(anhui), N(sichuan), N(gansu)};
	int p = demo_rng_weighted(r, w, N(w));
	return lists[p][demo_rng_range(r, 0, sizes[p] - 1)];
}

/* ---- enterprises --------------------------------------------------------- */

static const char *const brands[] = {
	"滨建", "海昌", "津渤", "华港", "鑫港", "宏泰", "恒远", "盛隆", "兴渤", "利达",
	"安泰", "鼎盛", "远航", "宏基", "华筑", "新城", "建元", "海川", "正洋", "德润",
	"博远", "通达", "金桥", "瑞丰", "永安", "天诚", "和泰", "海嘉", "聚能", "润通",
	"泰和", "盈科", "凯达", "海荣", "晟源", "港联", "渤丰", "长汇", "汇通", "捷安",
	"众鑫", "宝元", "同创", "津筑", "沽建", "海鸿", "塘兴", "港润", "滨信", "泽汇",
	"骏丰", "禹通", "弘筑", "厚德", "嘉禾", "北辰星", "恒基", "昊天", "中诚", "渤远",
};
static const char *const owner_prefix[] = {
	"滨海", "泰达", "津港", "渤海", "海河", "临港", "北塘", "塘沽", "汉沽", "大港",
	"东疆", "滨城", "津滨", "海晟", "新金融", "于家堡", "响螺湾", "中心渔港",
};
static const char *const owner_core[] = {
	"城市建设投资", "基础设施建设投资", "置业", "房地产开发", "产业园区开发",
	"土地整理", "水务投资", "教育投资", "轨道交通投资", "实业发展", "城市更新投资",
	"文旅发展", "港城开发",
};
static const char *const owner_private[] = {
	"新能源科技", "精密制造", "生物医药", "冷链物流", "智能装备", "新材料科技",
	"汽车零部件", "电子科技", "海工装备", "食品工业",
};
/* Enterprise names as prefix + brand + suffix. */
typedef struct name_form {
	const char *pre, *suf;
} name_form;
static const name_form contractor_form[] = {
	{"天津", "建设集团有限公司"}, {"天津", "建筑工程有限公司"}, {"天津市", "市政工程有限公司"},
	{"天津", "建工集团有限公司"}, {"天津", "路桥建设有限公司"}, {"天津", "建设工程有限公司"},
};
static const name_form sub_form[] = {
	{"天津", "建筑劳务有限公司"}, {"天津市", "劳务分包有限公司"}, {"天津", "建筑安装工程有限公司"},
	{"天津", "劳务服务有限公司"}, {"天津", "钢结构工程有限公司"}, {"天津", "防水工程有限公司"},
	{"河北", "建筑劳务有限公司"}, {"天津", "机电安装有限公司"},
};

/* Two brand words glued together once the single ones are used up. */
static void brand_word(demo_rng *r, int attempt, char *out, size_t n)
{
	const char *a = brands[demo_rng_range(r, 0, N(brands) - 1)];
	if (attempt < 8) {
		snprintf(out, n, "%s", a);
		return;
	}
	const char *b = brands[demo_rng_range(r, 0, N(brands) - 1)];
	snprintf(out, n, "%s%s", a, b);
}

void demo_ent_name(demo_rng *r, int kind, int attempt, int *gov, char *out,
		   size_t n)
{
	char w[32];

	*gov = 0;
	if (kind == DEMO_OWNER) {
		int v = (int)demo_rng_range(r, 0, 99);
		const char *pre = owner_prefix[demo_rng_range(r, 0, N(owner_prefix) - 1)];
		if (v < 15) {
			const demo_street *s = &demo_streets[demo_rng_range(r, 0, demo_nstreets - 1)];
			*gov = 1;
			snprintf(out, n, "天津市滨海新区%s%s", s->short_,
				 attempt < 4 ? "建设管理中心" : "城市建设服务中心");
		} else if (v < 40) {
			brand_word(r, attempt, w, sizeof w);
			snprintf(out, n, "%s%s(天津)有限公司", w,
				 owner_private[demo_rng_range(r, 0, N(owner_private) - 1)]);
		} else {
			snprintf(out, n, "天津%s%s%s有限公司", pre,
				 owner_core[demo_rng_range(r, 0, N(owner_core) - 1)],
				 attempt < 8 && demo_rng_chance(r, 650) ? "" : "集团");
			if (attempt >= 8) {
				brand_word(r, attempt, w, sizeof w);
				snprintf(out, n, "天津%s%s%s有限公司", pre, w,
					 owner_core[demo_rng_range(r, 0, N(owner_core) - 1)]);
			}
		}
		return;
	}
	brand_word(r, attempt, w, sizeof w);
	const name_form *f = kind == DEMO_CONTRACTOR
		? &contractor_form[demo_rng_range(r, 0, N(contractor_form) - 1)]
		: &sub_form[demo_rng_range(r, 0, N(sub_form) - 1)];
	snprintf(out, n, "%s%s%s", f->pre, w, f->suf);
}

/* ---- projects ------------------------------------------------------------ */

static const char *const roads[] = {
	"中央大道", "黄海路", "东海路", "南海路", "第二大街", "第三大街", "第九大街",
	"新港四号路", "河北路", "津塘路", "海滨大道", "西中环快速路", "大连东道",
	"港城大道", "世纪大道", "洞庭路", "太湖路", "津汉公路", "滨石公路", "创新大道",
};
static const char *const phase[] = {"", "", "(一期)", "(二期)", "(三期)"};
/* Project kinds, by relative frequency: 0 住宅 1 安置房 2 厂房 3 小学 4 道路
 * 5 管廊 6 地铁配套 7 医院 8 冷链 9 污水 10 商业 11 人才公寓 12 中学 13 标准厂房 */
static const int template_w[] = {20, 8, 10, 5, 7, 4, 3, 3, 5, 3, 5, 6, 4, 12};

void demo_project_name(demo_rng *r, int st, int seq, char *out, size_t n,
		       char *addr, size_t an)
{
	const demo_street *s = &demo_streets[st];
	const char *road = roads[demo_rng_range(r, 0, N(roads) - 1)];
	const char *ph = phase[demo_rng_range(r, 0, N(phase) - 1)];
	const char *ind = owner_private[demo_rng_range(r, 0, N(owner_private) - 1)];
	int t = demo_rng_weighted(r, template_w, N(template_w));
	int lot = (int)demo_rng_range(r, 1, 60);

	const char *sh = s->short_;
	switch (t) {
	case 0: snprintf(out, n, "%s%02d号地块住宅项目%s", sh, lot, ph); break;
	case 1: snprintf(out, n, "%s棚户区改造安置房项目%s", sh, ph); break;
	case 2: snprintf(out, n, "%s%s生产基地厂房建设项目", sh, ind); break;
	case 3: snprintf(out, n, "%s第%d小学新建工程", sh, (int)demo_rng_range(r, 2, 12)); break;
	case 4: snprintf(out, n, "%s%s道路改造工程", sh, road); break;
	case 5: snprintf(out, n, "%s%s地下综合管廊工程", sh, road); break;
	case 6: snprintf(out, n, "轨道交通Z4线%s站配套工程", sh); break;
	case 7: snprintf(out, n, "%s医院门诊楼改扩建工程", sh); break;
	case 8: snprintf(out, n, "%s冷链物流仓储项目%s", sh, ph); break;
	case 9: snprintf(out, n, "%s污水处理厂提标改造工程", sh); break;
	case 10: snprintf(out, n, "%s商业综合体项目%s", sh, ph); break;
	case 11: snprintf(out, n, "%s人才公寓项目%s", sh, ph); break;
	case 12: snprintf(out, n, "%s中学改扩建工程", sh); break;
	default: snprintf(out, n, "%s标准厂房项目%s", sh, ph); break;
	}
	/* Same name twice (a second lot): tell them apart by the lot code. */
	if (seq % 7 == 3 && t != 0)
		snprintf(out + strlen(out), n - strlen(out), "(%d-%02d地块)", 2020 + seq % 6, lot);
	if (demo_rng_chance(r, 500))
		snprintf(addr, an, "天津市滨海新区%s%s%d号", s->short_, road,
			 (int)demo_rng_range(r, 1, 3000));
	else {
		const char *cross = roads[demo_rng_range(r, 0, N(roads) - 2)];
		if (cross == road) /* never a road crossing itself */
			cross = roads[N(roads) - 1];
		snprintf(addr, an, "天津市滨海新区%s与%s交口", road, cross);
	}
}

void demo_branch_name(demo_rng *r, int b, char *out, size_t n)
{
	static const char *const br[] = {"塘沽", "开发区", "保税区", "大港", "汉沽",
					 "于家堡", "滨海新区", "生态城", "东疆"};
	snprintf(out, n, "%s天津%s支行", demo_banks[b].name, br[demo_rng_range(r, 0, N(br) - 1)]);
}

const char *demo_insurer(demo_rng *r)
{
	static const char *const ins[] = {
		"中国人民财产保险股份有限公司天津市分公司",
		"中国平安财产保险股份有限公司天津分公司",
		"中国太平洋财产保险股份有限公司天津分公司",
	};
	return ins[demo_rng_range(r, 0, N(ins) - 1)];
}
