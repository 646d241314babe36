using AriSuTotalService.Domain.Privacy;

namespace AriSuTotalService.Domain.Tests;

public class MaskingTests
{
    [Theory]
    [InlineData("홍길동", "홍*동")]
    [InlineData("남궁민수", "남**수")]
    [InlineData("김수", "김*")]
    [InlineData("이", "*")]
    [InlineData(" 박현수 ", "박*수")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_keep_only_the_first_and_last_character(string? name, string expected) =>
        Assert.Equal(expected, Masking.Name(name));

    [Theory]
    [InlineData("010-1234-5678", "010-****-5678")]
    [InlineData("01012345678", "010-****-5678")]
    [InlineData("02-2630-0100", "02-****-0100")]
    [InlineData("031-123-4567", "031-****-4567")]
    [InlineData("12345", "*****")]
    [InlineData(null, "")]
    public void Phones_hide_the_middle_group(string? phone, string expected) =>
        Assert.Equal(expected, Masking.Phone(phone));

    [Fact]
    public void Addresses_stop_at_the_dong()
    {
        Assert.Equal("서울특별시 관악구 봉천동", Masking.Address("서울특별시 관악구 관악로 12", "봉천동", "관악구"));
        Assert.Equal("관악구", Masking.Address("관악로 12", null, "관악구"));
    }

    [Fact]
    public void Phone_numbers_inside_free_text_are_masked()
    {
        Assert.Equal("연락처 010-****-5678로 전화 요망", Masking.FreeText("연락처 010-1234-5678로 전화 요망"));
        Assert.Equal("누수 의심", Masking.FreeText("누수 의심"));
    }
}

public class SeoulDistrictTests
{
    [Theory]
    [InlineData("서울특별시 관악구 관악로 1", "관악구")]
    [InlineData("서울 중구 세종대로 110", "중구")]
    [InlineData("관악로 1", null)]
    [InlineData(null, null)]
    public void The_district_an_address_names_is_found(string? address, string? district) =>
        Assert.Equal(district, AriSuTotalService.Domain.Offices.SeoulDistricts.In(address));

    [Fact]
    public void Every_district_of_seoul_has_its_office_position_inside_the_city()
    {
        Assert.Equal(25, AriSuTotalService.Domain.Offices.SeoulDistricts.OfficePositions.Count);
        Assert.All(AriSuTotalService.Domain.Offices.SeoulDistricts.OfficePositions.Values, p =>
        {
            Assert.InRange(p.Latitude, 37.41m, 37.72m);
            Assert.InRange(p.Longitude, 126.76m, 127.19m);
        });
    }
}

public class EmailMaskingTests
{
    [Theory]
    [InlineData("hong@example.kr", "h***@example.kr")]
    [InlineData("a@b.kr", "a***@b.kr")]
    [InlineData("not-an-address", "***")]
    [InlineData(null, "")]
    public void Only_the_first_letter_and_the_domain_show(string? email, string masked) => Assert.Equal(masked, Masking.Email(email));
}

public class InternationalPhoneMaskingTests
{
    [Theory]
    [InlineData("+82 10-1234-5678", "010-****-5678")]
    [InlineData("+82-2-2600-0002", "02-****-0002")]
    public void A_number_written_with_82_is_masked_as_the_national_number(string phone, string masked) =>
        Assert.Equal(masked, Masking.Phone(phone));
}
