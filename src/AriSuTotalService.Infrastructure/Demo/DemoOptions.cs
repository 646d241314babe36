namespace AriSuTotalService.Infrastructure.Demo;

/// <summary>
/// Size of the generated demo data (Development only). <c>Demo__Customers</c> meters and
/// <c>Demo__ComplaintsPerYear</c> complaints over the 24 months before today; <c>Demo__Seed</c> fixes the output.
/// </summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;
    public int Customers { get; set; } = 2000;
    public int ComplaintsPerYear { get; set; } = 6000;
    public int Seed { get; set; } = 2017;
}
