namespace Shigan.Core.Projects;

public enum ProjectType
{
    /// <summary>基础设施: roads, bridges, squares, water.</summary>
    Infrastructure = 1,

    /// <summary>产业: tourism, farms, workshops.</summary>
    Industry = 2,

    /// <summary>民生: schools, clinics, care homes.</summary>
    Livelihood = 3,

    /// <summary>环境整治: clean-ups and village appearance.</summary>
    Environment = 4,

    /// <summary>征迁: land acquisition and relocation.</summary>
    Relocation = 5,

    /// <summary>其他</summary>
    Other = 9,
}
