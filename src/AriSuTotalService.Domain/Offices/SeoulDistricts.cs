namespace AriSuTotalService.Domain.Offices;

/// <summary>
/// Seoul's 25 districts (자치구) and where each district office (구청) stands, in WGS 84 to three decimals (about
/// 100 m). A request that came without coordinates is placed there for map clients, which take only requests with a
/// position: the district is all that is published of its address.
/// </summary>
public static class SeoulDistricts
{
    public static readonly IReadOnlyDictionary<string, (decimal Latitude, decimal Longitude)> OfficePositions =
        new Dictionary<string, (decimal, decimal)>(StringComparer.Ordinal)
        {
            ["종로구"] = (37.573m, 126.979m), ["중구"] = (37.564m, 126.998m), ["용산구"] = (37.532m, 126.990m),
            ["성동구"] = (37.563m, 127.037m), ["광진구"] = (37.538m, 127.082m), ["동대문구"] = (37.574m, 127.040m),
            ["중랑구"] = (37.606m, 127.093m), ["성북구"] = (37.589m, 127.017m), ["강북구"] = (37.640m, 127.026m),
            ["도봉구"] = (37.669m, 127.047m), ["노원구"] = (37.654m, 127.056m), ["은평구"] = (37.603m, 126.929m),
            ["서대문구"] = (37.579m, 126.937m), ["마포구"] = (37.566m, 126.902m), ["양천구"] = (37.517m, 126.866m),
            ["강서구"] = (37.551m, 126.850m), ["구로구"] = (37.495m, 126.888m), ["금천구"] = (37.457m, 126.895m),
            ["영등포구"] = (37.526m, 126.896m), ["동작구"] = (37.512m, 126.940m), ["관악구"] = (37.478m, 126.952m),
            ["서초구"] = (37.484m, 127.033m), ["강남구"] = (37.517m, 127.047m), ["송파구"] = (37.515m, 127.106m),
            ["강동구"] = (37.530m, 127.124m),
        };

    /// <summary>The district a Seoul address names ("서울특별시 관악구 관악로 1" → 관악구), if it names one.</summary>
    public static string? In(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        foreach (var word in address.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (OfficePositions.ContainsKey(word)) return word;
        return null;
    }
}
