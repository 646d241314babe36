using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Tests;

public class KoreanParticlesTests
{
    [Theory]
    [InlineData("부서을(를) 고르세요.", "부서를 고르세요.")]
    [InlineData("전자우편을(를) 입력하세요.", "전자우편을 입력하세요.")]
    [InlineData("비밀번호을(를) 입력하세요.", "비밀번호를 입력하세요.")]
    [InlineData("기한이(가) 지났습니다.", "기한이 지났습니다.")]
    [InlineData("시간대이(가) 찼습니다.", "시간대가 찼습니다.")]
    [InlineData("이름은(는) 60자 이내", "이름은 60자 이내")]
    [InlineData("키 이름은(는) 100자 이내", "키 이름은 100자 이내")]
    [InlineData("단가(원/m³)은(는) 0~100000", "단가(원/m³)은(는) 0~100000")] // after a symbol nothing is guessed
    [InlineData("현장민원과(으)로 넘겼습니다", "현장민원과로 넘겼습니다")]
    [InlineData("행정지원팀(으)로 넘겼습니다", "행정지원팀으로 넘겼습니다")]
    [InlineData("서울(으)로", "서울로")] // 로 after ㄹ
    [InlineData("2026-12-01이(가)", "2026-12-01이")]
    [InlineData("3건이(가)", "3건이")]
    [InlineData("API 키 2이(가)", "API 키 2가")]
    [InlineData("CSV과(와) XLSX", "CSV와 XLSX")]
    [InlineData("URL과(와)", "URL과")]
    [InlineData("괄호(참고)는 그대로", "괄호(참고)는 그대로")]
    public void A_written_out_pair_becomes_the_particle_the_word_takes(string written, string read) =>
        Assert.Equal(read, KoreanParticles.Fix(written));

    [Fact]
    public void A_domain_message_with_a_value_reads_with_the_right_particle() =>
        Assert.Equal("행정지원과를 고르세요.", new DomainException("{0}을(를) 고르세요.", "행정지원과").Message);
}
