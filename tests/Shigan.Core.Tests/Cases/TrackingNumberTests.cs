using Shigan.Core.Cases;

namespace Shigan.Core.Tests.Cases;

/// <summary>The public tracking number: its format, and catching a number typed wrong.</summary>
public sealed class TrackingNumberTests
{
    private static readonly DateTimeOffset ReportedAt = new(2026, 11, 26, 10, 15, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_number_is_the_county_prefix_the_date_the_sequence_and_a_check_digit()
    {
        // Check digit computed independently (Damm over "20261126000123").
        Assert.Equal("CS20261126-0001236", TrackingNumber.New(ReportedAt, 123));
    }

    [Theory]
    [InlineData(1, 1, 1, "CS20260101-0000019")]
    [InlineData(12, 31, 999_999, "CS20261231-9999995")]
    [InlineData(8, 9, 1_234_567, "CS20260809-12345676")]
    [InlineData(4, 15, 908_172, "CS20260415-9081724")]
    public void Numbers_printed_on_receipts_stay_the_same_from_one_release_to_the_next(int month, int day, long sequence, string expected)
    {
        // Expected values computed independently of this code (Damm's published table, by hand-written script).
        Assert.Equal(expected, TrackingNumber.New(new DateTimeOffset(2026, month, day, 9, 0, 0, TimeSpan.FromHours(8)), sequence));
    }

    [Fact]
    public void Mistyped_digits_and_swapped_neighbours_are_caught_in_numbers_of_every_day_of_the_year()
    {
        for (var i = 0; i < 365; i++)
        {
            var number = TrackingNumber.New(ReportedAt.AddDays(-i), 1 + (i * 7919L % 1_000_000));
            Assert.True(TrackingNumber.IsValid(number), number);
            for (var at = 2; at < number.Length; at++)
            {
                if (!char.IsAsciiDigit(number[at]))
                {
                    continue;
                }

                var chars = number.ToCharArray();
                chars[at] = (char)('0' + ((chars[at] - '0' + 1 + (i % 9)) % 10));
                Assert.False(TrackingNumber.IsValid(new string(chars)), new string(chars));

                if (at + 1 < number.Length && char.IsAsciiDigit(number[at + 1]) && number[at] != number[at + 1])
                {
                    chars = number.ToCharArray();
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    Assert.False(TrackingNumber.IsValid(new string(chars)), new string(chars));
                }
            }
        }
    }

    [Fact]
    public void The_date_is_the_china_date_of_the_report()
    {
        var halfPastMidnightInChangshan = new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero);

        Assert.StartsWith("CS20261127-", TrackingNumber.New(halfPastMidnightInChangshan, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_reads_back_as_the_date_and_sequence_it_was_made_from()
    {
        foreach (var sequence in new long[] { 1, 123, 999_999, 1_000_000, 12_345_678_901 })
        {
            var number = TrackingNumber.New(ReportedAt, sequence);

            Assert.True(TrackingNumber.TryParse(number, "CS", out var parts), number);
            Assert.Equal(new TrackingNumberParts("CS", new DateOnly(2026, 11, 26), sequence), parts);
        }
    }

    [Fact]
    public void Another_county_uses_its_own_prefix_and_numbers_of_one_county_are_not_valid_in_another()
    {
        var jiangshan = TrackingNumber.New(ReportedAt, 123, "JS");

        Assert.Equal("JS20261126-0001236", jiangshan);
        Assert.True(TrackingNumber.IsValid(jiangshan, "JS"));
        Assert.False(TrackingNumber.IsValid(jiangshan));
        Assert.Throws<ArgumentException>(() => TrackingNumber.New(ReportedAt, 1, "cs"));
        Assert.Throws<ArgumentException>(() => TrackingNumber.New(ReportedAt, 1, "C5"));
    }

    [Fact]
    public void Every_single_mistyped_digit_is_caught()
    {
        var number = TrackingNumber.New(ReportedAt, 123);
        for (var i = 0; i < number.Length; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                continue;
            }

            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit != number[i])
                {
                    var typo = string.Concat(number.AsSpan(0, i), [digit], number.AsSpan(i + 1));
                    Assert.False(TrackingNumber.IsValid(typo), typo);
                }
            }
        }
    }

    [Fact]
    public void Every_swap_of_two_neighbouring_different_digits_is_caught()
    {
        var number = TrackingNumber.New(ReportedAt, 987_654);
        for (var i = 0; i + 1 < number.Length; i++)
        {
            if (char.IsAsciiDigit(number[i]) && char.IsAsciiDigit(number[i + 1]) && number[i] != number[i + 1])
            {
                var chars = number.ToCharArray();
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                Assert.False(TrackingNumber.IsValid(new string(chars)), new string(chars));
            }
        }
    }

    [Fact]
    public void A_number_typed_in_lower_case_or_with_spaces_around_it_is_still_found()
    {
        Assert.True(TrackingNumber.IsValid("  cs20261126-0001236 "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CS20261126-000123")]      // check digit left off
    [InlineData("CS20261126000123 6")]
    [InlineData("CS202611260001236")]      // hyphen left off
    [InlineData("CS2026112-60001236")]
    [InlineData("XX20261126-0001236")]
    [InlineData("CS20261126-0001236 extra")]
    public void Anything_that_is_not_a_number_this_county_issued_is_not_valid(string? text)
    {
        Assert.False(TrackingNumber.IsValid(text));
    }

    [Fact]
    public void An_extra_leading_zero_in_the_sequence_is_not_valid_even_where_the_check_digit_cannot_see_it()
    {
        // After the digits of 8 January 2026 the check runs at zero, where a zero changes nothing; read
        // leniently, both spellings would name the same case.
        Assert.True(TrackingNumber.IsValid("CS20260108-0001234"));
        Assert.False(TrackingNumber.IsValid("CS20260108-00001234"));
    }

    [Fact]
    public void A_number_with_an_impossible_date_is_not_valid_even_if_its_check_digit_fits()
    {
        // Damm over "20260230000123" is 2: the digit fits but 30 February does not exist.
        Assert.False(TrackingNumber.IsValid("CS20260230-0001232"));
    }

    [Fact]
    public void A_sequence_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingNumber.New(ReportedAt, 0));
    }
}
