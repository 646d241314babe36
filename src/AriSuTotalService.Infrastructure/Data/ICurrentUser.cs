namespace AriSuTotalService.Infrastructure.Data;

/// <summary>Who is acting: the signed-in user, an API key, or a job.</summary>
public interface ICurrentUser
{
    /// <summary>The user's e-mail, the API key's name, or "system".</summary>
    string Name { get; }
    string? UserId { get; }
    string? IpAddress { get; }
    /// <summary>The office whose records this user may reach; null for jobs and start-up work (every office).</summary>
    int? OfficeId { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string Name => "system";
    public string? UserId => null;
    public string? IpAddress => null;
    public int? OfficeId => null;
}
