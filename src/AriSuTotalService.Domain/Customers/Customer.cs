using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Customers;

/// <summary>A customer account (수용가) with its service connection and meter (수전·계량기).</summary>
public class Customer : IAuditable, IOfficeOwned
{
    public const int MaxPostalCodeLength = 7;
    public const int MaxAddressDetailLength = 200;

    private Customer() { }

    public Customer(int officeId, string accountNumber, string holderName, string phone, string address,
        string? dong, string district, string useType, int meterSizeMm, string? meterSerial,
        string? postalCode = null, string? addressDetail = null, DateOnly? meterInstalledOn = null)
    {
        OfficeId = officeId;
        AccountNumber = accountNumber;
        Update(holderName, phone, address, dong, district, useType, meterSizeMm, meterSerial);
        PostalCode = Optional(postalCode);
        AddressDetail = Optional(addressDetail);
        MeterInstalledOn = meterInstalledOn;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    /// <summary>수용가번호, e.g. 12-3456789.</summary>
    public string AccountNumber { get; private set; } = "";
    public string HolderName { get; private set; } = "";
    public string Phone { get; private set; } = "";
    /// <summary>The phone's digits only, for look-up by any way of writing it.</summary>
    public string PhoneDigits { get; private set; } = "";
    /// <summary>Road-name address.</summary>
    public string Address { get; private set; } = "";
    public string? Dong { get; private set; }
    public string District { get; private set; } = "";
    public string UseType { get; private set; } = UseTypes.Household;
    public int MeterSizeMm { get; private set; }
    public string? MeterSerial { get; private set; }
    /// <summary>우편번호 as the billing system has it (five digits since 2015; older records may keep six).</summary>
    public string? PostalCode { get; private set; }
    /// <summary>상세주소 (building, flat) beside the road-name address: letters are addressed with it.</summary>
    public string? AddressDetail { get; private set; }
    /// <summary>When the meter now in place was installed: its validity (검정 유효기간) runs from here.</summary>
    public DateOnly? MeterInstalledOn { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }

    public static string DigitsOf(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());

    public void Update(string holderName, string phone, string address, string? dong, string district,
        string useType, int meterSizeMm, string? meterSerial)
    {
        if (!UseTypes.IsKnown(useType)) throw new DomainException("알 수 없는 용도입니다: {0}", useType);
        if (meterSizeMm <= 0) throw new DomainException("계량기 구경은 0보다 커야 합니다.");
        HolderName = holderName.Trim();
        Phone = phone.Trim();
        PhoneDigits = DigitsOf(Phone);
        Address = address.Trim();
        Dong = string.IsNullOrWhiteSpace(dong) ? null : dong.Trim();
        District = district.Trim();
        UseType = useType;
        MeterSizeMm = meterSizeMm;
        MeterSerial = string.IsNullOrWhiteSpace(meterSerial) ? null : meterSerial.Trim();
    }
}
