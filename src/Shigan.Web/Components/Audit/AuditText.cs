using System.Text.Json;
using Microsoft.Extensions.Localization;
using Shigan.Core.Audit;
using Shigan.Core.Org;
using Shigan.Data.Audit;
using Shigan.Web.Audit;
using Shigan.Web.Components.Common;
using Shigan.Web.Localization;

namespace Shigan.Web.Components.Audit;

/// <summary>One changed property of an audit entry, ready to show.</summary>
public sealed record AuditChange(string Property, string? Old, string? New);

/// <summary>
/// Turns an audit entry's stored JSON ({"Prop":[old,new]}) into lines a person can read: Chinese property names,
/// enum numbers as their labels. Unknown properties keep their code name rather than being hidden.
/// </summary>
public static class AuditText
{
    /// <summary>The entity types the filter offers, as the recorder names them (the CLR type name).</summary>
    public static readonly string[] EntityTypes = ["Region", "Department", "ShiganUser", "CaseRoutingRule", "HolidayDay"];

    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["Name"] = "名称",
        ["Code"] = "代码",
        ["Level"] = "层级",
        ["ParentId"] = "上级单位",
        ["Kind"] = "类型",
        ["Platform"] = "平台",
        ["RegionId"] = "所属单位",
        ["RegionPath"] = "单位路径",
        ["Phone"] = "电话",
        ["IsActive"] = "启用",
        ["Id"] = "编号",
        ["UserName"] = "用户名",
        ["DisplayName"] = "姓名",
        ["Role"] = "角色",
        ["IsDisabled"] = "停用",
        ["PasswordHash"] = "密码",
        ["LockoutEnd"] = "锁定至",
        ["LockoutEnabled"] = "允许锁定",
        ["AccessFailedCount"] = "登录失败次数",
        ["CreatedAtUtc"] = "创建时间",
        ["Email"] = "邮箱",
        ["EmailConfirmed"] = "邮箱已确认",
        ["PhoneNumber"] = "手机号",
        ["PhoneNumberConfirmed"] = "手机号已确认",
        ["TwoFactorEnabled"] = "双重验证",
        ["CategoryId"] = "事件类别",
        ["DepartmentId"] = "处理部门",
        ["Note"] = "备注",
        ["Date"] = "日期",
        ["IsWorkingDay"] = "调休上班",
    };

    public static string EntityLabel(string entityType) => entityType switch
    {
        "Region" => "单位",
        "Department" => "部门",
        "ShiganUser" => "账号",
        "CaseRoutingRule" => "分拨规则",
        "HolidayDay" => "节假日",
        "CampaignTarget" => "攻坚对象",
        _ => entityType,
    };

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Created => "新建",
        AuditAction.Updated => "修改",
        AuditAction.Deleted => "删除",
        _ => action.ToString(),
    };

    public static string PropertyLabel(string property) => Properties.GetValueOrDefault(property, property);

    /// <summary>
    /// An entry's lines. A bulk write's entry (<see cref="AuditBatch"/>) holds every record's changes by id: when the page
    /// is filtered to one record, that record's own lines; otherwise how many records it holds, not thousands of lines.
    /// </summary>
    public static List<AuditChange> ParseEntry(AuditItem item, string? recordId, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.EntityId.StartsWith(AuditBatch.Prefix, StringComparison.Ordinal))
        {
            return Parse(item.Changes, t);
        }

        try
        {
            using var doc = JsonDocument.Parse(item.Changes);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return recordId is not null && doc.RootElement.TryGetProperty(recordId, out var own)
                    ? Parse(own.GetRawText(), t)
                    : [new AuditChange("", null, t["批量写入 {0} 条记录", doc.RootElement.EnumerateObject().Count()])];
            }
        }
        catch (JsonException)
        {
            // Shown raw below, like any entry of an unexpected shape.
        }

        return Parse(item.Changes, t);
    }

    /// <summary>The record number as shown: a bulk write's entry as its range of ids, without the zero padding.</summary>
    public static string IdText(string entityId, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var range = entityId.StartsWith(AuditBatch.Prefix, StringComparison.Ordinal) ? entityId[AuditBatch.Prefix.Length..].Split('-') : [];
        return range.Length == 2 && long.TryParse(range[0], out var low) && long.TryParse(range[1], out var high)
            ? t["批量 {0}–{1}", low, high]
            : entityId;
    }

    /// <summary>The changed properties; a record that is not the expected shape is shown raw, never dropped.</summary>
    public static List<AuditChange> Parse(string json, IStringLocalizer t)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditChange("", null, json)];
            }

            var changes = new List<AuditChange>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                var pair = property.Value;
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2)
                {
                    changes.Add(new AuditChange(property.Name, Value(property.Name, pair[0], t), Value(property.Name, pair[1], t)));
                }
                else
                {
                    changes.Add(new AuditChange(property.Name, null, pair.GetRawText()));
                }
            }

            return changes;
        }
        catch (JsonException)
        {
            return [new AuditChange("", null, json)];
        }
    }

    private static string? Value(string property, JsonElement value, IStringLocalizer t) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => t["是"],
        JsonValueKind.False => t["否"],
        JsonValueKind.Number when value.TryGetInt32(out var n) && EnumLabel(property, n) is { } label => t[label],
        JsonValueKind.String when property == "LockoutEnd" && value.TryGetDateTimeOffset(out var at) => ChinaTime.Format(at),
        JsonValueKind.String when property == "CreatedAtUtc" && value.TryGetDateTime(out var utc) => ChinaTime.Format(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc),
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    // The recorder stores enums as numbers; show the same labels as the rest of the interface.
    private static string? EnumLabel(string property, int n) => property switch
    {
        "Role" when Enum.IsDefined((Role)n) => Labels.Role((Role)n),
        "Platform" when Enum.IsDefined((Platform)n) => Labels.Platform((Platform)n),
        "Kind" when Enum.IsDefined((DepartmentKind)n) => Labels.Kind((DepartmentKind)n),
        "Level" when Enum.IsDefined((RegionLevel)n) => Labels.Level((RegionLevel)n),
        _ => null,
    };
}
