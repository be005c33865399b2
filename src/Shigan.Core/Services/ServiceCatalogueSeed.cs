using static Shigan.Core.Services.MaterialForm;
using static Shigan.Core.Services.ServiceChannels;

namespace Shigan.Core.Services;

/// <summary>
/// The demo catalogue: Changshan's departments and six life events. The newborn bundle is set up as the report tells it
/// (球川镇, May): under each department on its own a villager runs at least 5 trips between the township, the bureau
/// and the bank over two days; at the 农信社 window (政银合作) it is one trip. Fresh objects on every call, so a caller
/// may hand them to EF or change them without touching anyone else's.
/// </summary>
public static class ServiceCatalogueSeed
{
    public const string Newborn = "newborn";
    public const string BusinessStart = "business-start";
    public const string HomeTransfer = "home-transfer";
    public const string Retirement = "retirement";
    public const string Disability = "disability";
    public const string AfterDeath = "after-death";

    private const string Hospital = "常山县人民医院";
    private const string HealthCentre = "球川镇卫生院";
    private const string PoliceStation = "常山县公安局球川派出所";
    private const string MedicalInsurance = "常山县医疗保障局";
    private const string SocialSecurity = "常山县人力资源和社会保障局";
    private const string Market = "常山县市场监督管理局";
    private const string Tax = "国家税务总局常山县税务局";
    private const string CivilAffairs = "常山县民政局";

    /// <summary>The partner bank's branch is the card's own office too, so (c) there saves nothing for the card itself.</summary>
    private const string Bank = TripCalculator.BankWindowPlace;

    public static IReadOnlyList<LifeEvent> LifeEvents() =>
    [
        Event(Newborn, "出生一件事（新生儿）", "出生医学证明、预防接种证、户口登记、医保参保、社保卡（市民卡）",
            "BIRTH-CERT", "BIRTH-VACCINE", "BIRTH-HUKOU", "BIRTH-MEDINS", "BIRTH-SSCARD"),
        Event(BusinessStart, "企业开办一件事", "名称申报、营业执照、公章刻制、银行开户、发票申领、社保登记",
            "BIZ-NAME", "BIZ-LICENCE", "BIZ-SEAL", "BIZ-BANK", "BIZ-TAX", "BIZ-SOCIAL"),
        Event(HomeTransfer, "二手房交易登记及水电气过户一件事", "网签备案、缴税、不动产转移登记，以及水、电、燃气过户",
            "HOUSE-CONTRACT", "HOUSE-TAX", "HOUSE-TRANSFER", "HOUSE-WATER", "HOUSE-POWER", "HOUSE-GAS"),
        Event(Retirement, "退休一件事", "退休审批和养老金申领、医保待遇核定、养老金发放账户、公积金提取",
            "RETIRE-APPROVE", "RETIRE-MEDINS", "RETIRE-ACCOUNT", "RETIRE-FUND"),
        Event(Disability, "残疾人证办理及补贴一件事", "残疾评定、残疾人证、困难残疾人生活补贴、重度残疾人护理补贴",
            "DIS-ASSESS", "DIS-CARD", "DIS-LIVING", "DIS-CARE"),
        Event(AfterDeath, "身后一件事", "死亡医学证明、户口注销、火化、养老保险待遇终止和丧葬补助、医保注销、惠民殡葬补贴",
            "DEATH-CERT", "DEATH-HUKOU", "DEATH-CREMATION", "DEATH-PENSION", "DEATH-MEDINS", "DEATH-SUBSIDY"),
    ];

    public static IReadOnlyList<ServiceItem> Items() =>
    [
        // 出生一件事. The hospital issues the birth certificate at the birth: no trip of its own.
        Item("BIRTH-CERT", "出生医学证明签发", Hospital, legal: 0, promised: 0, None, visits: 0, [],
            Held("父母身份证", Copy)),
        Item("BIRTH-VACCINE", "预防接种证办理", HealthCentre, legal: 0, promised: 0, TownshipWindow | BankWindow, visits: 1, ["BIRTH-CERT"],
            From("BIRTH-CERT", "出生医学证明", Copy), Held("父母身份证", Copy)),
        Item("BIRTH-HUKOU", "出生登记（新生儿落户）", PoliceStation, legal: 5, promised: 0, TownshipWindow | CountyHall | BankWindow | Online, visits: 1, ["BIRTH-CERT"],
            From("BIRTH-CERT", "出生医学证明"), Held("父母身份证"), Held("户口簿"), Held("结婚证")),

        // Registration is checked the next working day; the card needs it done, so the villager goes back for the slip.
        Item("BIRTH-MEDINS", "城乡居民医保参保登记（新生儿）", MedicalInsurance, legal: 5, promised: 1, TownshipWindow | CountyHall | BankWindow | Online, visits: 1, ["BIRTH-HUKOU"],
            From("BIRTH-HUKOU", "新生儿户口页", Copy), From("BIRTH-CERT", "出生医学证明", Copy), Held("父母身份证", Copy)),

        // The 农信社 makes the card on the spot (即时制卡) once the insurance is registered.
        Item("BIRTH-SSCARD", "社会保障卡（市民卡）申领", Bank, legal: 20, promised: 0, BankWindow, visits: 1, ["BIRTH-MEDINS"],
            From("BIRTH-MEDINS", "参保登记凭证"), From("BIRTH-HUKOU", "新生儿户口页", Copy), Held("父母身份证")),

        // 企业开办. Since 多证合一 tax registration comes with the licence; invoices and tax devices do not.
        Item("BIZ-NAME", "企业名称自主申报", Market, legal: 0, promised: 0, Online, visits: 0, [],
            Held("投资人身份证", Copy)),
        Item("BIZ-LICENCE", "企业设立登记（营业执照）", Market, legal: 3, promised: 1, CountyHall | BankWindow | Online, visits: 2, ["BIZ-NAME"],
            From("BIZ-NAME", "名称自主申报告知书"), Held("公司章程"), Held("投资人身份证", Copy), Held("住所使用证明（租赁合同）", Copy)),
        Item("BIZ-SEAL", "企业公章刻制备案", "常山县公安局治安大队（印章备案）", legal: 1, promised: 1, CountyHall | BankWindow, visits: 2, ["BIZ-LICENCE"],
            From("BIZ-LICENCE", "营业执照", Copy), Held("法定代表人身份证")),
        Item("BIZ-BANK", "企业银行基本存款账户开立", Bank, legal: 2, promised: 0, BankWindow, visits: 1, ["BIZ-LICENCE", "BIZ-SEAL"],
            From("BIZ-LICENCE", "营业执照"), From("BIZ-SEAL", "企业公章"), Held("法定代表人身份证")),
        Item("BIZ-TAX", "新办纳税人涉税事项（发票申领）", Tax, legal: 2, promised: 1, CountyHall | Online, visits: 1, ["BIZ-LICENCE"],
            From("BIZ-LICENCE", "营业执照", Copy), From("BIZ-SEAL", "企业公章"), From("BIZ-BANK", "银行开户信息", Copy), Held("法定代表人身份证")),
        Item("BIZ-SOCIAL", "单位社会保险登记", SocialSecurity, legal: 5, promised: 0, CountyHall | Online, visits: 1, ["BIZ-LICENCE"],
            From("BIZ-LICENCE", "营业执照", Copy), From("BIZ-BANK", "银行开户信息", Copy)),

        // 二手房. The registry asks the buyer back for the certificate; utilities want it before they switch the accounts.
        Item("HOUSE-CONTRACT", "存量房买卖合同网签备案", "常山县住房和城乡建设局", legal: 3, promised: 0, CountyHall | Online, visits: 1, [],
            Held("买卖双方身份证"), Held("不动产权证书（卖方）", Copy), Held("房屋买卖合同")),
        Item("HOUSE-TAX", "存量房交易税费申报缴纳", Tax, legal: 1, promised: 0, CountyHall | Online, visits: 1, ["HOUSE-CONTRACT"],
            From("HOUSE-CONTRACT", "网签备案合同", Copy), Held("买卖双方身份证", Copy), Held("不动产权证书（卖方）", Copy)),
        Item("HOUSE-TRANSFER", "不动产转移登记", "常山县不动产登记中心", legal: 30, promised: 5, CountyHall, visits: 2, ["HOUSE-TAX"], 80m,
            From("HOUSE-TAX", "完税凭证"), From("HOUSE-CONTRACT", "网签备案合同"), Held("不动产权证书（卖方）"), Held("买卖双方身份证")),
        Item("HOUSE-WATER", "用水过户", "常山县自来水有限公司", legal: 3, promised: 0, CountyHall | Online, visits: 1, ["HOUSE-TRANSFER"],
            From("HOUSE-TRANSFER", "不动产权证书（买方）", Copy), Held("买方身份证", Copy)),
        Item("HOUSE-POWER", "用电过户", "国网常山县供电公司", legal: 3, promised: 0, CountyHall | Online, visits: 1, ["HOUSE-TRANSFER"],
            From("HOUSE-TRANSFER", "不动产权证书（买方）", Copy), Held("买方身份证", Copy)),
        Item("HOUSE-GAS", "管道燃气过户", "常山县管道燃气公司", legal: 3, promised: 0, CountyHall | Online, visits: 1, ["HOUSE-TRANSFER"],
            From("HOUSE-TRANSFER", "不动产权证书（买方）", Copy), Held("买方身份证", Copy)),

        // 退休. The personnel file sits with the archive keeper, not with the citizen.
        Item("RETIRE-APPROVE", "企业职工退休审批和基本养老金申领", SocialSecurity, legal: 20, promised: 10, TownshipWindow | CountyHall | Online, visits: 1, [],
            Held("身份证"), Held("户口簿", Copy), By("常山县人才服务中心（档案保管）", "人事档案")),
        Item("RETIRE-MEDINS", "退休人员医保待遇核定", MedicalInsurance, legal: 10, promised: 5, TownshipWindow | CountyHall | Online, visits: 1, ["RETIRE-APPROVE"],
            From("RETIRE-APPROVE", "退休审批表", Copy), Held("身份证", Copy)),
        Item("RETIRE-ACCOUNT", "养老金发放账户（社保卡金融账户）激活", Bank, legal: 1, promised: 0, BankWindow, visits: 1, ["RETIRE-APPROVE"],
            From("RETIRE-APPROVE", "退休审批表", Copy), Held("社会保障卡"), Held("身份证")),
        Item("RETIRE-FUND", "住房公积金退休提取", "衢州市住房公积金中心常山分中心", legal: 5, promised: 3, CountyHall | BankWindow | Online, visits: 1, ["RETIRE-APPROVE"],
            From("RETIRE-APPROVE", "退休审批表", Copy), Held("身份证"), Held("本人银行卡")),

        // 残疾人证. The assessment needs the person in front of a doctor; the federation asks them back for the card.
        Item("DIS-ASSESS", "残疾评定", "常山县人民医院（残疾评定定点医院）", legal: 10, promised: 5, None, visits: 1, [],
            Held("身份证"), Held("户口簿", Copy), Held("近期免冠照片"), Held("病历资料", Copy)),
        Item("DIS-CARD", "残疾人证核发", "常山县残疾人联合会", legal: 20, promised: 10, TownshipWindow | CountyHall | Online, visits: 2, ["DIS-ASSESS"],
            From("DIS-ASSESS", "残疾评定结论"), Held("身份证", Copy), Held("户口簿", Copy), Held("近期免冠照片")),
        Item("DIS-LIVING", "困难残疾人生活补贴", CivilAffairs, legal: 20, promised: 15, TownshipWindow | Online, visits: 1, ["DIS-CARD"],
            From("DIS-CARD", "残疾人证", Copy), Held("低保证", Copy), Held("户口簿", Copy), Held("本人银行卡", Copy)),
        Item("DIS-CARE", "重度残疾人护理补贴", CivilAffairs, legal: 20, promised: 15, TownshipWindow | Online, visits: 1, ["DIS-CARD"],
            From("DIS-CARD", "残疾人证", Copy), Held("户口簿", Copy), Held("本人银行卡", Copy)),

        // 身后事. A death at home: the township health centre certifies it; the village committee certifies the kin.
        Item("DEATH-CERT", "死亡医学证明（推断）书签发", HealthCentre, legal: 1, promised: 0, None, visits: 1, [],
            Held("逝者身份证"), Held("户口簿"), Held("申报人身份证")),
        Item("DEATH-HUKOU", "死亡户口注销", PoliceStation, legal: 1, promised: 0, TownshipWindow | CountyHall | Online, visits: 1, ["DEATH-CERT"],
            From("DEATH-CERT", "死亡医学证明"), Held("户口簿"), Held("逝者身份证")),
        Item("DEATH-CREMATION", "遗体火化", "常山县殡仪馆", legal: 1, promised: 0, None, visits: 1, ["DEATH-CERT"],
            From("DEATH-CERT", "死亡医学证明"), Held("申报人身份证")),
        Item("DEATH-PENSION", "养老保险待遇终止及丧葬补助金、抚恤金申领", SocialSecurity, legal: 20, promised: 5, TownshipWindow | CountyHall | Online, visits: 1, ["DEATH-HUKOU", "DEATH-CREMATION"],
            From("DEATH-HUKOU", "户口注销证明"), From("DEATH-CREMATION", "火化证明"), By("村（居）民委员会", "亲属关系证明"), Held("申领人身份证"), Held("申领人银行卡")),
        Item("DEATH-MEDINS", "医保关系注销", MedicalInsurance, legal: 5, promised: 0, TownshipWindow | CountyHall | Online, visits: 1, ["DEATH-HUKOU"],
            From("DEATH-HUKOU", "户口注销证明", Copy), Held("申领人身份证", Copy)),
        Item("DEATH-SUBSIDY", "惠民殡葬补贴", CivilAffairs, legal: 20, promised: 10, TownshipWindow | Online, visits: 1, ["DEATH-CREMATION"],
            From("DEATH-CREMATION", "火化证明", Copy), From("DEATH-HUKOU", "户口注销证明", Copy), Held("申领人身份证", Copy), Held("申领人银行卡", Copy)),
    ];

    private static LifeEvent Event(string code, string name, string description, params string[] items) =>
        new() { Code = code, Name = name, Description = description, ItemCodes = [.. items] };

    private static ServiceItem Item(
        string code, string name, string department, int legal, int promised, ServiceChannels channels, int visits, List<string> before, params Material[] materials) =>
        Item(code, name, department, legal, promised, channels, visits, before, 0m, materials);

    private static ServiceItem Item(
        string code, string name, string department, int legal, int promised, ServiceChannels channels, int visits, List<string> before, decimal fee, params Material[] materials) =>
        new()
        {
            Code = code,
            Name = name,
            DepartmentName = department,
            LegalDays = legal,
            PromisedDays = promised,
            Channels = channels,
            OnSiteVisits = visits,
            PrerequisiteCodes = before,
            Fee = fee,
            Materials = [.. materials],
        };

    private static Material Held(string name, MaterialForm form = Original) => new() { Name = name, Form = form, HeldByCitizen = true };

    private static Material From(string itemCode, string name, MaterialForm form = Original) => new() { Name = name, Form = form, IssuedByItemCode = itemCode };

    private static Material By(string department, string name, MaterialForm form = Original) => new() { Name = name, Form = form, IssuedByDepartment = department };
}
