using Shigan.Core.Cases;

namespace Shigan.Core.Tests.Cases;

/// <summary>How a reporter's phone and name read for those who may not see them: 138****1234 and 王**.</summary>
public sealed class ReporterMaskTests
{
    [Theory]
    [InlineData("13800001234", "138****1234")]
    [InlineData("138-0000-1234", "138****1234")]
    [InlineData("+86 138 0000 1234", "861****1234")]
    [InlineData("0570-5012345", "057****2345")]
    public void A_phone_keeps_its_first_three_and_last_four_digits(string phone, string masked) =>
        Assert.Equal(masked, PhoneNumbers.Mask(phone));

    [Theory]
    [InlineData("1234567", "*******")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_short_phone_shows_no_digit_at_all(string? phone, string masked) =>
        Assert.Equal(masked, PhoneNumbers.Mask(phone));

    [Theory]
    [InlineData("王芳", "王**")]
    [InlineData("王小明", "王**")]
    [InlineData("欧阳娜娜", "欧**")]
    [InlineData(" 李四 ", "李**")]
    [InlineData("王", "**")]
    [InlineData("Zhang Wei", "Z**")]
    [InlineData("𠀋小明", "𠀋**")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_name_keeps_only_its_first_character_and_hides_its_length(string? name, string masked) =>
        Assert.Equal(masked, PersonNames.Mask(name));
}
