namespace AriSuTotalService.Infrastructure.Data;

/// <summary>Who is acting: the signed-in user, an API key, or a job.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string Name => "system";
}
