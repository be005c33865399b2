namespace Shigan.Core.Services;

/// <summary>How a bundle is delivered to the citizen; the trip calculator compares the three.</summary>
public enum DeliveryModel
{
    /// <summary>(a) 各部门分头办: each department at its own office, the citizen carries every paper between them.</summary>
    Separate = 1,

    /// <summary>(b) 一窗受理、数据共享: one comprehensive window takes what it can, departments share what they issue.</summary>
    OneWindow = 2,

    /// <summary>(c) 政银合作: a partner window (the bank) takes everything it can; the rest as in (b).</summary>
    PartnerWindow = 3,
}
