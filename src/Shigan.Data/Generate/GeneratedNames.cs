namespace Shigan.Data.Generate;

/// <summary>Names and words the generator draws from.</summary>
public static class GeneratedNames
{
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "郑", "姜", "汪", "毛", "余", "程"];

    public static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "华", "平", "刚", "桂英", "建国", "秀英", "志强", "海燕", "晓东"];

    public static string Person(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];
    }

    /// <summary>A stable name for the n-th made-up worker of a unit.</summary>
    public static string Person(int unitId, int n) =>
        Surnames[(unitId + n) % Surnames.Length] + GivenNames[((unitId * 3) + n) % GivenNames.Length];

    public static string Phone(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return $"1{rng.Next(3, 10)}{rng.Next(0, 10)}{rng.Next(10_000_000, 100_000_000)}";
    }
}
