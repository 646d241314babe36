using AriSuTotalService.Domain.Integrations;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Administration;

/// <summary>
/// The office's integration keys: issued with a name and at least one scope (the key is shown once; only its hash is
/// kept), revoked. Each change and its entry in the permission-change log are saved in one transaction.
/// </summary>
public static class ApiKeys
{
    public const int MaxName = 100;

    public sealed record Issue(string? Name, IReadOnlyCollection<string> Scopes);

    public sealed class Handler(ArisuDbContext db, PersonalDataLog log, ICurrentUser user, TimeProvider clock)
    {
        /// <returns>The key as the integrating system must send it (shown once).</returns>
        public async Task<string> IssueAsync(Issue c, CancellationToken ct)
        {
            var refused = new Refusals();
            var name = c.Name?.Trim();
            if (string.IsNullOrEmpty(name)) refused.Add(nameof(c.Name), "키 이름을 입력하세요.");
            else if (name.Length > MaxName) refused.Add(nameof(c.Name), "키 이름은 {0}자 이내로 입력하세요.", MaxName);
            if (c.Scopes.Count == 0) refused.Add(nameof(c.Scopes), "권한을 하나 이상 선택하세요.");
            else if (c.Scopes.Any(s => !ApiKeyScopes.All.Contains(s))) refused.Add(nameof(c.Scopes), "알 수 없는 권한입니다.");
            refused.ThrowIfAny();
            var key = ApiKey.NewKey();
            await db.InTransactionAsync(async () =>
            {
                var entity = new ApiKey(db.Office, name!, key, c.Scopes.Distinct().ToList(), user.Name, clock.GetUtcNow().UtcDateTime);
                db.ApiKeys.Add(entity);
                await db.SaveChangesAsync(ct);
                await log.RecordPermissionChangeAsync($"api-key:{entity.Id}", entity.Name, "api_key_created", null, entity.Scopes, ct);
            }, ct);
            return key;
        }

        /// <returns>The revoked key's name, or null when the office has no such key.</returns>
        public async Task<string?> RevokeAsync(int id, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
            if (key is null) return null;
            key.Revoke(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await log.RecordPermissionChangeAsync($"api-key:{key.Id}", key.Name, "api_key_revoked", key.Scopes, null, ct);
            return key.Name;
        }, ct);
    }
}
