using System.Text;
using Shigan.Core.Cases;
using Shigan.Testing;

namespace Shigan.Core.Tests.Cases;

/// <summary>Which files a case takes: known by their own bytes, within the size and count limits, under a clean name.</summary>
public sealed class AttachmentRulesTests
{
    [Fact]
    public void A_real_png_is_taken_as_a_png_whatever_it_is_called()
    {
        var check = AttachmentRules.Check("现场.jpg", TestPictures.Png(4, 3));

        Assert.True(check.IsAccepted);
        Assert.Equal((AttachmentRules.Png, "现场.jpg"), (check.ContentType, check.FileName));
    }

    [Fact]
    public void Jpeg_webp_gif_and_pdf_are_known_by_their_first_bytes()
    {
        byte[] webp = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8L"u8, 0x0D, 0, 0, 0, 0x2F, 0, 0, 0, 0x10];

        Assert.Equal(AttachmentRules.Jpeg, AttachmentRules.Check("IMG_0001.JPG", TestPictures.JpegLike()).ContentType);
        Assert.Equal(AttachmentRules.WebP, AttachmentRules.Check("a.webp", webp).ContentType);
        Assert.Equal(AttachmentRules.Gif, AttachmentRules.Check("a.gif", TestPictures.Gif()).ContentType);
        Assert.Equal(AttachmentRules.Pdf, AttachmentRules.Check("整改通知.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%…\n")).ContentType);
        Assert.True(AttachmentRules.IsImage(AttachmentRules.WebP));
        Assert.False(AttachmentRules.IsImage(AttachmentRules.Pdf));
    }

    [Fact]
    public void A_text_file_renamed_jpg_is_refused()
    {
        var check = AttachmentRules.Check("photo.jpg", TestPictures.Text());

        Assert.False(check.IsAccepted);
        Assert.Equal(AttachmentRules.NotAccepted, check.Refusal);
        Assert.Null(check.ContentType);
    }

    [Fact]
    public void Html_and_svg_are_refused_even_when_they_say_they_are_images()
    {
        Assert.Equal(AttachmentRules.NotAccepted, AttachmentRules.Check("a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8).Refusal);
        Assert.Equal(AttachmentRules.NotAccepted, AttachmentRules.Check("a.png", "<html><script>alert(1)</script>"u8).Refusal);
        Assert.Equal(AttachmentRules.NotAccepted, AttachmentRules.Check("a.webp", "RIFF\0\0\0\0WAVEfmt "u8).Refusal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(AttachmentRules.Empty, AttachmentRules.Check("空.png", []).Refusal);
    }

    [Fact]
    public void A_file_over_five_megabytes_is_refused_and_one_at_the_limit_is_taken()
    {
        var atLimit = new byte[AttachmentRules.MaxBytes];
        TestPictures.JpegLike().CopyTo(atLimit, 0);
        var over = new byte[AttachmentRules.MaxBytes + 1];
        TestPictures.JpegLike().CopyTo(over, 0);

        Assert.True(AttachmentRules.Check("big.jpg", atLimit).IsAccepted);
        Assert.Equal(AttachmentRules.TooLarge, AttachmentRules.Check("big.jpg", over).Refusal);
    }

    [Fact]
    public void A_file_declared_over_the_limit_is_refused_before_its_bytes_are_read()
    {
        var check = AttachmentRules.Check("航拍.png", AttachmentRules.MaxBytes + 1L, []);

        Assert.Equal((AttachmentRules.TooLarge, "航拍.png"), (check.Refusal, check.FileName));
        Assert.True(AttachmentRules.Check("小.png", 67, TestPictures.Png()).IsAccepted);
    }

    [Fact]
    public void Nine_files_go_in_one_upload_and_thirty_on_a_case()
    {
        Assert.Null(AttachmentRules.CountRefusal(9, 0));
        Assert.Equal(AttachmentRules.TooManyInUpload, AttachmentRules.CountRefusal(10, 0));
        Assert.Equal(AttachmentRules.NoFiles, AttachmentRules.CountRefusal(0, 0));
        Assert.Null(AttachmentRules.CountRefusal(2, 28));
        Assert.Equal(AttachmentRules.TooManyOnCase, AttachmentRules.CountRefusal(3, 28));
        Assert.Equal(AttachmentRules.TooManyInUpload, AttachmentRules.CountRefusal(4, 0, AttachmentRules.MaxFilesPerPublicReport));
    }

    [Theory]
    [InlineData("C:\\Users\\王\\Pictures\\垃圾堆放.png", "垃圾堆放.png")]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("  河道\u0000漂浮物 .png ", "河道漂浮物 .png")]
    [InlineData("a\"b<c>d|e:f*g?.png", "abcdefg.png")]
    [InlineData("..", "附件.png")]
    [InlineData(null, "附件.png")]
    [InlineData("𠀀字.png", "𠀀字.png")]
    public void A_file_name_keeps_its_last_part_without_reserved_characters(string? sent, string kept)
    {
        Assert.Equal(kept, AttachmentRules.CleanFileName(sent, AttachmentRules.Png));
    }

    [Fact]
    public void A_long_file_name_is_cut_to_128_characters_keeping_its_extension()
    {
        var name = AttachmentRules.CleanFileName(new string('照', 200) + ".jpeg", AttachmentRules.Jpeg);

        Assert.Equal(CaseAttachment.FileNameMaxLength, name.Length);
        Assert.EndsWith("照.jpeg", name, StringComparison.Ordinal);
    }
}
