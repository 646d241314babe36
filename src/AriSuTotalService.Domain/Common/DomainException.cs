namespace AriSuTotalService.Domain.Common;

/// <summary>A business rule refused an operation. The message is shown to the user (Korean).</summary>
public class DomainException(string message) : Exception(message);
