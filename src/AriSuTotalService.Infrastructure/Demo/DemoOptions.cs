namespace AriSuTotalService.Infrastructure.Demo;

/// <summary>
/// Size of the generated demo data (Development only). <c>Demo__Customers</c> meters (readings of the 24 months before
/// today) and <c>Demo__ComplaintsPerYear</c> complaints over the <c>Demo__Years</c> years before today (default 2);
/// <c>Demo__Seed</c> fixes the output.
/// </summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;
    public int Customers { get; set; } = 2000;
    public int ComplaintsPerYear { get; set; } = 6000;
    public int Seed { get; set; } = 2017;
    public int Years { get; set; } = 2;
    /// <summary>Book the demo field staff's visits of the coming working days (<c>Demo__Visits</c>).</summary>
    public bool Visits { get; set; } = true;
}
