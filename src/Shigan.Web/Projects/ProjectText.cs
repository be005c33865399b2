using Shigan.Core.Projects;

namespace Shigan.Web.Projects;

/// <summary>Chinese labels of the projects' enums (translated through the UI text like every other string).</summary>
public static class ProjectText
{
    public static string Type(ProjectType type) => type switch
    {
        ProjectType.Infrastructure => "基础设施",
        ProjectType.Industry => "产业",
        ProjectType.Livelihood => "民生",
        ProjectType.Environment => "环境整治",
        ProjectType.Relocation => "征迁",
        _ => "其他",
    };

    public static string Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "谋划中",
        ProjectStatus.UnderWay => "在建",
        ProjectStatus.Done => "已完工",
        _ => "暂停",
    };

    public static string Blocker(BlockerKind kind) => kind switch
    {
        BlockerKind.LandAcquisition => "土地征收",
        BlockerKind.GraveRelocation => "坟墓迁移",
        BlockerKind.Funding => "资金",
        BlockerKind.Approval => "审批",
        _ => "其他",
    };

    public static string Event(ProjectEventKind kind) => kind switch
    {
        ProjectEventKind.Created => "新建项目",
        ProjectEventKind.Edited => "修改项目信息",
        ProjectEventKind.Reported => "报送进度",
        ProjectEventKind.MilestoneAdded => "新增里程碑",
        ProjectEventKind.MilestoneDone => "里程碑完成",
        ProjectEventKind.BlockerAdded => "新增堵点",
        ProjectEventKind.PhotosAdded => "上传照片",
        ProjectEventKind.MilestoneReopened => "撤销里程碑完成",
        _ => "堵点销号",
    };
}
