namespace Shigan.Core.Campaigns;

/// <summary>Where a visit happened: at home, at the owner's shop or stall (菜场办公), or by phone.</summary>
public enum VisitPlace
{
    /// <summary>入户</summary>
    Home = 1,

    /// <summary>店铺/摊位</summary>
    Shop = 2,

    /// <summary>电话</summary>
    Phone = 3,
}
