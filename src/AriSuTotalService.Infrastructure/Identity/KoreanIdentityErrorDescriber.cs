using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace AriSuTotalService.Infrastructure.Identity;

/// <summary>Identity's messages in Korean (staff see them on the user and sign-in pages).</summary>
public sealed class KoreanIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError PasswordTooShort(int length) =>
        E(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"비밀번호는 {length}자 이상이어야 합니다."));
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "비밀번호에 숫자가 하나 이상 있어야 합니다.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "비밀번호에 영문 소문자가 하나 이상 있어야 합니다.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "비밀번호에 영문 대문자가 하나 이상 있어야 합니다.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "비밀번호에 특수문자가 하나 이상 있어야 합니다.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), string.Create(CultureInfo.InvariantCulture, $"비밀번호에 서로 다른 문자가 {uniqueChars}개 이상 있어야 합니다."));
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"이미 등록된 전자우편입니다: {email}");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"이미 등록된 사용자입니다: {userName}");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"올바른 전자우편 주소가 아닙니다: {email}");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"사용할 수 없는 사용자 이름입니다: {userName}");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "유효하지 않은 요청입니다. 다시 시도하세요.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "비밀번호가 올바르지 않습니다.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "이 사용자는 잠글 수 없습니다.");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "처리하지 못했습니다. 다시 시도하세요.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "다른 사용자가 먼저 변경했습니다. 다시 열어 확인하세요.");
}
