namespace Shigan.Core.Org;

/// <summary>The township's four platforms (四个平台).</summary>
public enum Platform
{
    /// <summary>综治工作</summary>
    ComprehensiveGovernance = 1,

    /// <summary>市场监管</summary>
    MarketSupervision = 2,

    /// <summary>综合执法</summary>
    LawEnforcement = 3,

    /// <summary>便民服务</summary>
    ConvenienceServices = 4,
}
