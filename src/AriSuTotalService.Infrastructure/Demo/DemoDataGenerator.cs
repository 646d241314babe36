using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Seed;

namespace AriSuTotalService.Infrastructure.Demo;

/// <summary>
/// Deterministic demo data for one office over the 24 months before <c>today</c>: customers of the office's
/// districts, monthly and bi-monthly meter readings with seasonal swing, occasional surges (leaks) and meter
/// replacements, and complaints in the plan's type and channel mix (DOMAIN.md, 2016 figures). The same seed and
/// day give the same rows. Produces plain rows; writing them is the caller's (bulk) business.
/// </summary>
public sealed class DemoDataGenerator(DemoOptions options, DateOnly today)
{
    public sealed record CustomerRow(string AccountNumber, string HolderName, string Phone, string Address, string Dong,
        string District, string UseType, int MeterSizeMm, string MeterSerial);

    public sealed record ReadingRow(int CustomerIndex, DateOnly PeriodStart, DateOnly PeriodEnd, long ReadingM3, int UsageM3);

    public sealed record ComplaintRow(string ReceptionNumber, DateTime ReceivedAtUtc, int TypeId, string Channel,
        string Status, int? CustomerIndex, string? Location, string Division, DateTime DeadlineAtUtc,
        DateTime? ClosedAtUtc, string? Description, string? Resolution, string? LinkedToReception);

    // 2016 counts per type (DOMAIN.md), in the order of ReferenceData.ComplaintTypes.
    private static readonly int[] TypeWeights = [20666, 24108, 6481, 1898, 3385, 7603, 4486, 1447, 2994, 1383, 654, 2125, 3703, 83];

    private static readonly Dictionary<string, string[]> Dongs = new()
    {
        ["관악구"] = ["봉천동", "신림동", "남현동"],
        ["금천구"] = ["가산동", "독산동", "시흥동"],
        ["동작구"] = ["노량진동", "상도동", "흑석동", "사당동", "대방동", "신대방동"],
        ["영등포구"] = ["영등포동", "여의도동", "당산동", "도림동", "문래동", "양평동", "신길동", "대림동"],
    };

    private static readonly string[] Roads = ["관악로", "남부순환로", "시흥대로", "디지털로", "상도로", "노량진로", "여의대로", "영등포로", "신길로", "도림로", "당산로", "사당로"];
    private static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"];
    private static readonly string[] GivenSyllables = ["민", "서", "지", "현", "수", "영", "준", "호", "은", "정", "우", "진", "하", "윤", "성", "경", "희", "동", "철", "미", "연", "태", "혜", "상"];

    public DateOnly Today { get; } = today;
    /// <summary>First day of the complaints.</summary>
    public DateOnly From => Today.AddMonths(-12 * Math.Max(1, options.Years));
    /// <summary>First day of the readings: always the 24 months before today.</summary>
    public DateOnly ReadingsFrom => Today.AddMonths(-24);

    public IReadOnlyList<CustomerRow> Customers()
    {
        var rnd = new Random(options.Seed);
        var rows = new List<CustomerRow>(options.Customers);
        var districtCodes = new Dictionary<string, int> { ["관악구"] = 21, ["금천구"] = 25, ["동작구"] = 20, ["영등포구"] = 19 };
        for (var i = 0; i < options.Customers; i++)
        {
            var district = DemoData.Districts[i % DemoData.Districts.Count];
            var dong = Dongs[district][rnd.Next(Dongs[district].Length)];
            var useRoll = rnd.Next(100);
            var useType = useRoll < 90 ? UseTypes.Household : useRoll < 98 ? UseTypes.General : UseTypes.BathHouse;
            var size = useType == UseTypes.Household ? (rnd.Next(10) < 8 ? 15 : 20) : useType == UseTypes.General ? 25 : 40;
            rows.Add(new CustomerRow(
                AccountNumber: $"{districtCodes[district]:00}-{1_000_000 + i * 7 + rnd.Next(7):0000000}",
                HolderName: Surnames[rnd.Next(Surnames.Length)] + GivenSyllables[rnd.Next(GivenSyllables.Length)] + GivenSyllables[rnd.Next(GivenSyllables.Length)],
                Phone: $"010-{rnd.Next(2000, 9999):0000}-{rnd.Next(0, 9999):0000}",
                Address: $"서울특별시 {district} {Roads[rnd.Next(Roads.Length)]} {rnd.Next(1, 400)}",
                Dong: dong,
                District: district,
                UseType: useType,
                MeterSizeMm: size,
                MeterSerial: $"M{options.Seed % 100:00}{i:0000000}"));
        }
        return rows;
    }

    public IEnumerable<ReadingRow> Readings(IReadOnlyList<CustomerRow> customers)
    {
        var rnd = new Random(options.Seed + 1);
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var monthly = rnd.Next(100) < 30;
            var step = monthly ? 1 : 2;
            var readDay = rnd.Next(1, 26);
            var perDay = c.UseType switch
            {
                UseTypes.Household => 0.25 + rnd.NextDouble() * 0.65,
                UseTypes.General => 1.0 + rnd.NextDouble() * 4,
                _ => 10 + rnd.NextDouble() * 20,
            };
            long index = rnd.Next(500, 6000);
            var start = new DateOnly(ReadingsFrom.Year, ReadingsFrom.Month, readDay).AddMonths(rnd.Next(step));
            if (start < ReadingsFrom) start = start.AddMonths(step);
            while (true)
            {
                var end = start.AddMonths(step);
                if (end > Today) break;
                var mid = start.AddDays((end.DayNumber - start.DayNumber) / 2);
                var seasonal = 1 + 0.15 * Math.Cos((mid.Month - 8) / 12.0 * 2 * Math.PI);
                var noise = 0.9 + rnd.NextDouble() * 0.2;
                var days = end.DayNumber - start.DayNumber;
                var usage = perDay * seasonal * noise * days;
                var roll = rnd.Next(1000);
                if (roll < 30) usage *= 1.5 + rnd.NextDouble() * 1.5; // a leak or a change in the household
                var whole = (int)Math.Round(usage);
                if (roll is >= 30 and < 33)
                {
                    index = whole; // meter replaced: the new meter starts near zero
                }
                else
                {
                    index += whole;
                }
                yield return new ReadingRow(i, start, end, index, whole);
                start = end;
            }
        }
    }

    public IReadOnlyList<ComplaintRow> Complaints(int customerCount, DeadlineCalendar calendar, string officeShortName, DateTime nowUtc)
    {
        var rnd = new Random(options.Seed + 2);
        var types = ReferenceData.ComplaintTypes;
        var totalWeight = TypeWeights.Sum();
        var days = Today.DayNumber - From.DayNumber;
        var count = (int)(options.ComplaintsPerYear * (days / 365.0));
        var drafts = new List<(DateTime Local, int Type, string Channel, int? Customer, string? Location, ComplaintRow? Parent, int ParentIdx)>(count);

        int PickType()
        {
            var roll = rnd.Next(totalWeight);
            for (var t = 0; t < TypeWeights.Length; t++)
            {
                if (roll < TypeWeights[t]) return t;
                roll -= TypeWeights[t];
            }
            return TypeWeights.Length - 1;
        }

        string CitizenChannel()
        {
            var r = rnd.Next(100);
            return r < 75 ? Channels.Phone : r < 90 ? Channels.Visit : Channels.Web;
        }

        for (var n = 0; n < count; n++)
        {
            var day = From.AddDays(1 + rnd.Next(days));
            if (!calendar.IsWorkingDay(day) && rnd.Next(100) < 80) day = calendar.NextWorkingDay(day);
            var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(rnd.Next(9 * 60));
            var t = PickType();
            if (SeoulTime.ToUtc(local) > nowUtc) continue; // nothing is received in the future
            var code = types[t].Code;
            // Share of the office's own (proactive + derived) work per type, from the plan's 2016 tables.
            var officeShare = code switch
            {
                ComplaintTypeCodes.LeakDiagnosis => 64.6,
                ComplaintTypeCodes.LeakFeeReduction => 54.8,
                ComplaintTypeCodes.SupplyInconvenience => 16.8,
                ComplaintTypeCodes.WaterQualityTest => 6.7,
                ComplaintTypeCodes.IndoorPiping => 21.3,
                ComplaintTypeCodes.NameChange => 0.35,
                ComplaintTypeCodes.MeterReplacement => 0.9,
                ComplaintTypeCodes.BillingOther or ComplaintTypeCodes.WorksOther => 2.6,
                _ => 0,
            };
            string channel;
            if (rnd.NextDouble() * 100 < officeShare)
            {
                channel = code is ComplaintTypeCodes.LeakDiagnosis or ComplaintTypeCodes.LeakFeeReduction
                    ? (rnd.Next(100) < 85 ? Channels.Proactive : Channels.Derived)
                    : code is ComplaintTypeCodes.SupplyInconvenience ? (rnd.Next(2) == 0 ? Channels.Proactive : Channels.Derived)
                    : Channels.Derived;
            }
            else
            {
                channel = CitizenChannel();
            }
            int? customer = rnd.Next(customerCount);
            string? location = null;
            if (code == ComplaintTypeCodes.OutdoorLeak && rnd.Next(2) == 0)
            {
                customer = null;
                var district = DemoData.Districts[rnd.Next(DemoData.Districts.Count)];
                location = $"서울특별시 {district} {Roads[rnd.Next(Roads.Length)]} {rnd.Next(1, 400)} 앞 보도";
            }
            drafts.Add((local, t, channel, customer, location, null, -1));
        }
        drafts.Sort((a, b) => a.Local.CompareTo(b.Local));

        var rows = new List<ComplaintRow>(drafts.Count);
        var seq = new Dictionary<int, int>();
        var lastByCustomer = new Dictionary<int, int>();
        foreach (var d in drafts)
        {
            var type = types[d.Type];
            var year = d.Local.Year;
            seq[year] = seq.GetValueOrDefault(year) + 1;
            var reception = ReceptionNumber.Format(year, officeShortName, seq[year]);
            var deadlineLocal = calendar.Deadline(d.Local, new ProcessingPeriod(type.Unit, type.Value));
            var receivedUtc = SeoulTime.ToUtc(d.Local);
            var deadlineUtc = SeoulTime.ToUtc(deadlineLocal);

            // Derived complaints hang on the customer's complaint of the same moment when there is one.
            string? linkedTo = null;
            if (d.Channel == Channels.Derived && d.Customer is { } cust && lastByCustomer.TryGetValue(cust, out var prevIdx))
                linkedTo = rows[prevIdx].ReceptionNumber;

            var division = type.Division;
            var transferred = type.Field == ComplaintFields.Works && rnd.Next(100) < 3;
            if (transferred) division = rnd.Next(2) == 0 ? Divisions.WaterSupplyOperations : Divisions.FacilitiesManagement;

            var onTime = rnd.Next(100) < 93;
            var span = deadlineUtc - receivedUtc;
            var closedUtc = onTime
                ? receivedUtc + TimeSpan.FromTicks((long)(span.Ticks * (0.1 + rnd.NextDouble() * 0.85)))
                : deadlineUtc + TimeSpan.FromHours(2 + rnd.Next(96));
            string status;
            DateTime? closed = null;
            string? resolution = null;
            if (rnd.Next(1000) < 8 && closedUtc <= nowUtc)
            {
                status = ComplaintStatuses.Cancelled;
            }
            else if (closedUtc <= nowUtc)
            {
                status = ComplaintStatuses.Resolved;
                closed = closedUtc;
                resolution = transferred ? $"{division} 처리 완료 보고" : "처리 완료";
            }
            else if (transferred)
            {
                status = ComplaintStatuses.Transferred;
            }
            else
            {
                status = type.NeedsVisit ? (rnd.Next(2) == 0 ? ComplaintStatuses.Scheduled : ComplaintStatuses.Received) : ComplaintStatuses.Received;
            }
            rows.Add(new ComplaintRow(reception, receivedUtc, type.Id, d.Channel, status, d.Customer, d.Location, division,
                deadlineUtc, closed, Describe(type.Code, rnd), resolution, linkedTo));
            if (d.Customer is { } c2) lastByCustomer[c2] = rows.Count - 1;
        }
        return rows;
    }

    private static string Describe(string code, Random rnd) => code switch
    {
        ComplaintTypeCodes.LeakDiagnosis => rnd.Next(2) == 0 ? "사용량이 갑자기 늘었는데 누수인지 확인 요청" : "계량기가 물을 쓰지 않아도 돌아감",
        ComplaintTypeCodes.SupplyInconvenience => rnd.Next(3) switch { 0 => "수돗물이 약하게 나옴", 1 => "밸브에서 소음", _ => "물이 나오지 않음" },
        ComplaintTypeCodes.WaterQualityTest => "녹물이 나와 수질검사 요청",
        ComplaintTypeCodes.LeakFeeReduction => "누수 수리 후 요금 감면 신청",
        ComplaintTypeCodes.NameChange => "매매로 인한 명의변경",
        ComplaintTypeCodes.AutoPayment => "자동납부 계좌 변경",
        ComplaintTypeCodes.OutdoorLeak => "도로에 물이 새어 나옴",
        ComplaintTypeCodes.MeterReplacement => "계량기 유리 파손",
        ComplaintTypeCodes.IndoorPiping => "옥내급수관 개량공사비 지원 상담",
        ComplaintTypeCodes.SupplyTermination => "건물 철거로 급수 폐지",
        ComplaintTypeCodes.EBilling => "전자고지 신청",
        ComplaintTypeCodes.SupplyWorks => "신축 건물 급수공사 문의",
        _ => "기타 문의",
    };
}
