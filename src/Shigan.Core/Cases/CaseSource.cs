namespace Shigan.Core.Cases;

/// <summary>How a problem reached the township.</summary>
public enum CaseSource
{
    /// <summary>综合受理窗口</summary>
    Window = 1,

    /// <summary>网格员巡查</summary>
    GridWorker = 2,

    /// <summary>12345 热线</summary>
    Hotline = 3,

    /// <summary>群众网上上报 (the public page)</summary>
    Web = 4,

    /// <summary>An Open311 GeoReport v2 client.</summary>
    Open311 = 5,
}
