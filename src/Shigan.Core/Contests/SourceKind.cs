namespace Shigan.Core.Contests;

public enum SourceKind
{
    /// <summary>系统计算: from the system's own records (a registered source code).</summary>
    Computed = 1,

    /// <summary>评委打分: on-site review scores entered by invited judges.</summary>
    Judges = 2,
}
