using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;

namespace AriSuTotalService.Infrastructure.Seed;

/// <summary>
/// Reference data every install needs (seeded by the migrations, in production too): the complaint catalogue of
/// the plan with the codes of CONTRACTS.md, and the public holidays 2014–2027. Processing periods are the
/// office's defaults; administrators change them.
/// </summary>
public static class ReferenceData
{
    public sealed record TypeRow(int Id, string Code, string Field, string NameKo, string NameEn, bool TotalService,
        string Division, PeriodUnit Unit, int Value, bool NeedsVisit, bool EntersHome);

    public static readonly IReadOnlyList<TypeRow> ComplaintTypes =
    [
        new(1, ComplaintTypeCodes.NameChange, ComplaintFields.Billing, "명의변경", "Owner/user name change", false, Divisions.Billing, PeriodUnit.Days, 1, false, false),
        new(2, ComplaintTypeCodes.AutoPayment, ComplaintFields.Billing, "자동납부", "Automatic payment", false, Divisions.Billing, PeriodUnit.Days, 1, false, false),
        new(3, ComplaintTypeCodes.LeakFeeReduction, ComplaintFields.Billing, "누수요금감면", "Leak fee reduction", true, Divisions.Billing, PeriodUnit.Days, 7, false, false),
        new(4, ComplaintTypeCodes.EBilling, ComplaintFields.Billing, "전자고지", "E-billing", false, Divisions.Billing, PeriodUnit.Days, 1, false, false),
        new(5, ComplaintTypeCodes.SupplyTermination, ComplaintFields.Billing, "급수폐지", "Supply termination", false, Divisions.Billing, PeriodUnit.Days, 3, false, false),
        new(6, ComplaintTypeCodes.BillingOther, ComplaintFields.Billing, "기타(요금)", "Other (billing)", false, Divisions.Billing, PeriodUnit.Days, 7, false, false),
        new(7, ComplaintTypeCodes.LeakDiagnosis, ComplaintFields.Works, "옥내누수진단", "Indoor leak diagnosis", true, Divisions.FieldComplaints, PeriodUnit.Days, 3, true, true),
        new(8, ComplaintTypeCodes.OutdoorLeak, ComplaintFields.Works, "옥외누수신고", "Outdoor leak report", false, Divisions.FieldComplaints, PeriodUnit.Immediate, 0, true, false),
        new(9, ComplaintTypeCodes.SupplyInconvenience, ComplaintFields.Works, "급수불편", "Supply inconvenience", true, Divisions.FieldComplaints, PeriodUnit.Days, 1, true, true),
        new(10, ComplaintTypeCodes.MeterReplacement, ComplaintFields.Works, "계량기교체", "Meter replacement", false, Divisions.FieldComplaints, PeriodUnit.Days, 3, true, false),
        new(11, ComplaintTypeCodes.WaterQualityTest, ComplaintFields.Works, "수질검사", "Water quality test", true, Divisions.AdministrativeSupport, PeriodUnit.Days, 3, true, true),
        new(12, ComplaintTypeCodes.SupplyWorks, ComplaintFields.Works, "급수공사", "Supply works", false, Divisions.WaterSupplyOperations, PeriodUnit.Days, 7, true, false),
        new(13, ComplaintTypeCodes.IndoorPiping, ComplaintFields.Works, "옥내배관", "Indoor piping", false, Divisions.FieldComplaints, PeriodUnit.Days, 3, true, true),
        new(14, ComplaintTypeCodes.WorksOther, ComplaintFields.Works, "기타(공사)", "Other (works)", false, Divisions.FieldComplaints, PeriodUnit.Days, 7, false, false),
    ];

    /// <summary>Public holidays (관공서의 공휴일에 관한 규정) 2014–2027, including lunar, substitute and one-off days.</summary>
    public static readonly IReadOnlyList<(DateOnly Date, string Name, string Kind)> Holidays = BuildHolidays();

    private static List<(DateOnly, string, string)> BuildHolidays()
    {
        var list = new List<(DateOnly, string, string)>();
        for (var y = 2014; y <= 2027; y++)
        {
            list.Add((new DateOnly(y, 1, 1), "신정", "fixed"));
            list.Add((new DateOnly(y, 3, 1), "삼일절", "fixed"));
            list.Add((new DateOnly(y, 5, 5), "어린이날", "fixed"));
            list.Add((new DateOnly(y, 6, 6), "현충일", "fixed"));
            list.Add((new DateOnly(y, 8, 15), "광복절", "fixed"));
            list.Add((new DateOnly(y, 10, 3), "개천절", "fixed"));
            if (y >= 2013) list.Add((new DateOnly(y, 10, 9), "한글날", "fixed"));
            list.Add((new DateOnly(y, 12, 25), "성탄절", "fixed"));
        }

        void Lunar(int y, int m, int d, string name) => list.Add((new DateOnly(y, m, d), name, "lunar"));
        void Seollal(int y, int m, int d)
        {
            var first = new DateOnly(y, m, d);
            for (var i = 0; i < 3; i++) list.Add((first.AddDays(i), "설날", "lunar"));
        }
        void Chuseok(int y, int m, int d)
        {
            var first = new DateOnly(y, m, d);
            for (var i = 0; i < 3; i++) list.Add((first.AddDays(i), "추석", "lunar"));
        }
        void Sub(int y, int m, int d, string name) => list.Add((new DateOnly(y, m, d), name, "substitute"));
        void OneOff(int y, int m, int d, string name) => list.Add((new DateOnly(y, m, d), name, "one_off"));

        Seollal(2014, 1, 30); Lunar(2014, 5, 6, "부처님오신날"); Chuseok(2014, 9, 7); Sub(2014, 9, 10, "추석 대체공휴일");
        OneOff(2014, 6, 4, "전국동시지방선거");
        Seollal(2015, 2, 18); Lunar(2015, 5, 25, "부처님오신날"); Chuseok(2015, 9, 26); Sub(2015, 9, 29, "추석 대체공휴일");
        OneOff(2015, 8, 14, "임시공휴일");
        Seollal(2016, 2, 7); Sub(2016, 2, 10, "설날 대체공휴일"); Lunar(2016, 5, 14, "부처님오신날"); Chuseok(2016, 9, 14);
        OneOff(2016, 4, 13, "국회의원선거"); OneOff(2016, 5, 6, "임시공휴일");
        Seollal(2017, 1, 27); Sub(2017, 1, 30, "설날 대체공휴일"); Lunar(2017, 5, 3, "부처님오신날"); Chuseok(2017, 10, 3);
        Sub(2017, 10, 6, "추석 대체공휴일"); OneOff(2017, 5, 9, "대통령선거"); OneOff(2017, 10, 2, "임시공휴일");
        Seollal(2018, 2, 15); Lunar(2018, 5, 22, "부처님오신날"); Sub(2018, 5, 7, "어린이날 대체공휴일");
        OneOff(2018, 6, 13, "전국동시지방선거"); Chuseok(2018, 9, 23); Sub(2018, 9, 26, "추석 대체공휴일");
        Seollal(2019, 2, 4); Lunar(2019, 5, 12, "부처님오신날"); Sub(2019, 5, 6, "어린이날 대체공휴일"); Chuseok(2019, 9, 12);
        Seollal(2020, 1, 24); Sub(2020, 1, 27, "설날 대체공휴일"); OneOff(2020, 4, 15, "국회의원선거");
        Lunar(2020, 4, 30, "부처님오신날"); OneOff(2020, 8, 17, "임시공휴일"); Chuseok(2020, 9, 30);
        Seollal(2021, 2, 11); Lunar(2021, 5, 19, "부처님오신날"); Sub(2021, 8, 16, "광복절 대체공휴일"); Chuseok(2021, 9, 20);
        Sub(2021, 10, 4, "개천절 대체공휴일"); Sub(2021, 10, 11, "한글날 대체공휴일");
        Seollal(2022, 1, 31); OneOff(2022, 3, 9, "대통령선거"); Lunar(2022, 5, 8, "부처님오신날");
        OneOff(2022, 6, 1, "전국동시지방선거"); Chuseok(2022, 9, 9); Sub(2022, 9, 12, "추석 대체공휴일");
        Sub(2022, 10, 10, "한글날 대체공휴일");
        Seollal(2023, 1, 21); Sub(2023, 1, 24, "설날 대체공휴일"); Lunar(2023, 5, 27, "부처님오신날");
        Sub(2023, 5, 29, "부처님오신날 대체공휴일"); Chuseok(2023, 9, 28); OneOff(2023, 10, 2, "임시공휴일");
        Seollal(2024, 2, 9); Sub(2024, 2, 12, "설날 대체공휴일"); OneOff(2024, 4, 10, "국회의원선거");
        Sub(2024, 5, 6, "어린이날 대체공휴일"); Lunar(2024, 5, 15, "부처님오신날"); Chuseok(2024, 9, 16);
        OneOff(2024, 10, 1, "국군의날 임시공휴일");
        OneOff(2025, 1, 27, "임시공휴일"); Seollal(2025, 1, 28); Sub(2025, 3, 3, "삼일절 대체공휴일");
        Lunar(2025, 5, 5, "부처님오신날"); Sub(2025, 5, 6, "대체공휴일"); OneOff(2025, 6, 3, "대통령선거");
        Chuseok(2025, 10, 5); Sub(2025, 10, 8, "추석 대체공휴일");
        Seollal(2026, 2, 16); Sub(2026, 3, 2, "삼일절 대체공휴일"); Lunar(2026, 5, 24, "부처님오신날");
        Sub(2026, 5, 25, "부처님오신날 대체공휴일"); OneOff(2026, 6, 3, "전국동시지방선거"); Sub(2026, 8, 17, "광복절 대체공휴일");
        Chuseok(2026, 9, 24); Sub(2026, 10, 5, "개천절 대체공휴일");
        Seollal(2027, 2, 6); Sub(2027, 2, 9, "설날 대체공휴일"); Lunar(2027, 5, 13, "부처님오신날");
        Sub(2027, 8, 16, "광복절 대체공휴일"); Chuseok(2027, 9, 14); Sub(2027, 10, 4, "개천절 대체공휴일");
        Sub(2027, 10, 11, "한글날 대체공휴일"); Sub(2027, 12, 27, "성탄절 대체공휴일");

        // One row per date: where two holidays fall on one day (2025-05-05), keep the first name.
        return list.GroupBy(h => h.Item1).Select(g => g.First()).OrderBy(h => h.Item1).ToList();
    }
}
