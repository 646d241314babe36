using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace AriSuTotalService.Benchmarks;

/// <summary>
/// The load script: distinct users signed in over plain HTTP to the app started with Production settings; field staff
/// open their visit list, intake clerks save a complaint with a linked one and book its visit, section chiefs open the
/// dashboard — alone and together, for a fixed time. Reports throughput, latency percentiles and errors, then counts in
/// the database that every write it was told succeeded is stored.
/// </summary>
public static partial class LoadRun
{
    /// <summary>
    /// A signed-in user at a PC of its own. The requests carry what the TLS-terminating load balancer adds in production
    /// (X-Forwarded-Proto https, the client's address; the app believes them from its loopback proxy, as
    /// docs/operations.md says); cookies are kept by hand, since they are marked Secure and this hop is plain HTTP.
    /// </summary>
    public sealed class Session(HttpClient http, string email, string address)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
        public string Email { get; } = email;
        public string? Token { get; set; }

        public async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>>? form = null)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", address);
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            if (form is not null) request.Content = new FormUrlEncodedContent(form);
            using var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var c in set)
                {
                    var pair = c.Split(';')[0];
                    var eq = pair.IndexOf('=');
                    if (eq > 0) _cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, body, response.Headers.Location?.OriginalString);
        }

        public async Task SignInAsync(string password)
        {
            var page = await SendAsync(HttpMethod.Get, "/Account/Login");
            var sent = await SendAsync(HttpMethod.Post, "/Account/Login", [new("Input.Email", Email), new("Input.Password", password), new("__RequestVerificationToken", TokenOf(page.Body))]);
            if (sent.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"{Email} could not sign in: {(int)sent.Status}");
        }
    }

    public static string TokenOf(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no anti-forgery token"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex StaffPattern();

    public sealed class Stats(string name)
    {
        private readonly ConcurrentBag<double> _ms = [];
        private int _errors;
        public string Name { get; } = name;
        public int Count => _ms.Count;
        public int Errors => _errors;
        public void Add(double ms) => _ms.Add(ms);
        public void Error() => Interlocked.Increment(ref _errors);

        public double P99 => Percentile(_ms.Order().ToArray(), 0.99);

        private static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

        public static string Summary(string name, List<Stats> runs, double seconds)
        {
            static string Mmm(IEnumerable<double> values, string format)
            {
                var v = values.Order().ToArray();
                var median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
                return $"{v[0].ToString(format)} / {median.ToString(format)} / {v[^1].ToString(format)}";
            }
            return $"{name}: {Mmm(runs.Select(r => r.Count / seconds), "N0")} per s, p99 {Mmm(runs.Select(r => r.P99), "0.0")} ms, errors {runs.Sum(r => r.Errors)}";
        }

        public string Line(double seconds)
        {
            var s = _ms.Order().ToArray();
            double P(double p) => Percentile(s, p);
            return $"{Name}: {s.Length:N0} ok, {Errors} errors, {s.Length / seconds:N0}/s, latency ms p50 {P(0.50):0.0} · p90 {P(0.90):0.0} · p99 {P(0.99):0.0} · max {(s.Length == 0 ? 0 : s[^1]):0.0}";
        }
    }

    /// <summary>Starts the app from its Release build with Production settings on the office's data folder.</summary>
    public static Process StartApp(string repo, string folder, string url)
    {
        var dll = Path.Combine(repo, "src", "AriSuTotalService.Web", "bin", "Release", "net10.0", "AriSuTotalService.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"build the app first: dotnet build -c Release src/AriSuTotalService.Web ({dll} is missing)");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataFolder"] = folder;
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["ForwardedHeaders__KnownProxies"] = "127.0.0.1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the app did not become ready");
    }

    /// <param name="listOnly">Only the home page's warm-up and the visit list's runs (to measure or profile the list alone).</param>
    public static async Task<int> RunAsync(string repo, string office, int seconds, int runs, string url, bool listOnly = false)
    {
        // Each run starts from the same data: a copy of the generated office, so the writes of one run do not lengthen the next one's lists.
        var folder = Path.Combine(Path.GetDirectoryName(office)!, "load-run");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(office, "arisu.db*")) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        using var app = StartApp(repo, folder, url);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(http);
            Console.WriteLine($"app started with Production settings at {url} on {folder}");

            var field = new List<Session>();
            for (var i = 1; i <= OfficeData.FieldStaff; i++) field.Add(new Session(http, OfficeData.Field(i), $"10.20.1.{i}"));
            var clerks = new List<Session>();
            for (var i = 1; i <= OfficeData.Clerks; i++) clerks.Add(new Session(http, OfficeData.Clerk(i), $"10.20.2.{i}"));
            var chiefs = new List<Session>();
            for (var i = 1; i <= OfficeData.Chiefs; i++) chiefs.Add(new Session(http, OfficeData.Chief(i), $"10.20.3.{i}"));
            foreach (var s in field.Concat(clerks).Concat(chiefs)) await s.SignInAsync(OfficeData.LoadPassword);
            Console.WriteLine($"signed in: {field.Count} field staff, {clerks.Count} intake clerks, {chiefs.Count} section chiefs");

            var customers = ReadCustomerIds(folder);
            foreach (var c in clerks) c.Token = TokenOf((await c.SendAsync(HttpMethod.Get, "/Intake")).Body);
            var startedUtc = DateTime.UtcNow;

            // Dashboard alone: one year beside the previous, one request at a time.
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
            var dashboardUrl = $"/Dashboard?from={today.AddMonths(-11):yyyy-MM}&to={today:yyyy-MM}";
            var dashboard = new Stats("dashboard page, one year beside the previous (1 connection)");
            for (var i = 0; i < 12; i++)
            {
                var sw = Stopwatch.StartNew();
                var r = await chiefs[0].SendAsync(HttpMethod.Get, dashboardUrl);
                if (i >= 2) { if (r.Status == HttpStatusCode.OK) dashboard.Add(sw.Elapsed.TotalMilliseconds); else dashboard.Error(); }
            }
            Console.WriteLine(dashboard.Line(1) + " (per-second figure not meaningful here)");

            var saved = new ConcurrentBag<long>();
            var booked = new ConcurrentBag<long>();
            async Task VisitList(Session s, Stats st, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    var sw = Stopwatch.StartNew();
                    var r = await s.SendAsync(HttpMethod.Get, "/Visits/Mine");
                    if (r.Status == HttpStatusCode.OK && r.Body.Contains("my-visits", StringComparison.Ordinal)) st.Add(sw.Elapsed.TotalMilliseconds); else st.Error();
                }
            }
            async Task Intake(Session s, int seed, Stats op, Stats save, Stats form, Stats book, CancellationToken ct)
            {
                var rnd = new Random(seed);
                while (!ct.IsCancellationRequested)
                {
                    var customer = customers[rnd.Next(customers.Count)];
                    var sw = Stopwatch.StartNew();
                    var r = await s.SendAsync(HttpMethod.Post, "/Intake", [
                        new("CustomerId", customer.ToString()), new("Input.TypeCode", "LEAK_DIAGNOSIS"), new("Input.Channel", "phone"),
                        new("Input.Description", "부하 시험: 요금이 많이 나옴"), new("Input.CallerIsHolder", "true"), new("Input.OtherTypes", "WATER_QUALITY_TEST"),
                        new("Input.ConfirmDuplicate", "true"), new("__RequestVerificationToken", s.Token!)]);
                    var savedMs = sw.Elapsed.TotalMilliseconds;
                    if (r.Status != HttpStatusCode.Redirect || r.Location is null || !r.Location.Contains("/Complaints/Detail/", StringComparison.Ordinal)) { save.Error(); op.Error(); continue; }
                    save.Add(savedMs);
                    var id = long.Parse(r.Location.Split('/').Last().Split('?')[0]);
                    saved.Add(id);
                    var f = Stopwatch.StartNew();
                    var page = await s.SendAsync(HttpMethod.Get, $"/Visits/Book/{id}");
                    if (page.Status == HttpStatusCode.OK) form.Add(f.Elapsed.TotalMilliseconds); else { form.Error(); op.Error(); continue; }
                    var version = VersionPattern().Match(page.Body).Groups[1].Value;
                    var staffIds = StaffPattern().Matches(page.Body).Select(m => m.Groups[1].Value).ToList();
                    // Booked three to eight weeks ahead, beyond the two weeks a visit list shows: the run's own writes do not
                    // lengthen the lists being measured beside them.
                    var t = Stopwatch.StartNew();
                    var b = await s.SendAsync(HttpMethod.Post, $"/Visits/Book/{id}", [
                        new("Version", version), new("StaffId", staffIds[rnd.Next(staffIds.Count)]), new("Date", today.AddDays(21 + rnd.Next(40)).ToString("yyyy-MM-dd")),
                        new("Window", "13-15"), new("EntersHome", "true"), new("ForceReason", "부하 시험"), new("__RequestVerificationToken", s.Token!)]);
                    if (b.Status == HttpStatusCode.Redirect) { book.Add(t.Elapsed.TotalMilliseconds); booked.Add(id); op.Add(sw.Elapsed.TotalMilliseconds); }
                    else { book.Error(); op.Error(); }
                }
            }
            async Task Dashboard(Session s, Stats st, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    var sw = Stopwatch.StartNew();
                    var r = await s.SendAsync(HttpMethod.Get, dashboardUrl);
                    if (r.Status == HttpStatusCode.OK) st.Add(sw.Elapsed.TotalMilliseconds); else st.Error();
                }
            }
            async Task Phase(string name, int secs, Func<CancellationToken, IEnumerable<Task>> workers, params Stats[] stats)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(secs));
                var sw = Stopwatch.StartNew();
                await Task.WhenAll(workers(cts.Token));
                Console.WriteLine($"== {name} ({sw.Elapsed.TotalSeconds:0.0} s)");
                foreach (var st in stats) Console.WriteLine("  " + st.Line(sw.Elapsed.TotalSeconds));
            }

            // For comparison: the signed-in home page (cookie, authorisation, layout and the office's five counts) through the same client.
            var home = new Stats("home page (GET /)");
            async Task Home(Session s, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    var sw = Stopwatch.StartNew();
                    var r = await s.SendAsync(HttpMethod.Get, "/");
                    if (r.Status == HttpStatusCode.OK) home.Add(sw.Elapsed.TotalMilliseconds); else home.Error();
                }
            }
            await Phase("home page alone, 32 connections", Math.Min(seconds, 15), ct => field.Select(s => Home(s, ct)), home);
            // The two targets' phases, each run several times: min / median / max of throughput and p99 over the runs.
            var lists = new List<Stats>();
            for (var run = 1; run <= runs; run++)
            {
                var list = new Stats("visit list (GET /Visits/Mine)");
                await Phase($"visit list alone, 32 connections, run {run} of {runs}", seconds, ct => field.Select(s => VisitList(s, list, ct)), list);
                lists.Add(list);
            }
            if (listOnly)
            {
                Console.WriteLine($"== over {runs} runs (min / median / max)");
                Console.WriteLine("  " + Stats.Summary("visit list", lists, seconds));
                var listErrors = lists.Sum(l => l.Errors) + home.Errors;
                Console.WriteLine($"errors: {listErrors}");
                return listErrors == 0 ? 0 : 1;
            }
            var intakes = new List<(Stats Op, Stats Save, Stats Form, Stats Book)>();
            for (var run = 1; run <= runs; run++)
            {
                var op1 = new Stats("intake save: complaint + linked one + visit (3 requests)");
                var save1 = new Stats("  POST /Intake (complaint + linked)");
                var form1 = new Stats("  GET /Visits/Book (the booking form)");
                var book1 = new Stats("  POST /Visits/Book");
                await Phase($"intake alone, 16 connections, run {run} of {runs}", seconds,
                    ct => clerks.Select((s, i) => Intake(s, 1000 * run + i, op1, save1, form1, book1, ct)), op1, save1, form1, book1);
                intakes.Add((op1, save1, form1, book1));
            }
            Console.WriteLine($"== over {runs} runs (min / median / max)");
            Console.WriteLine("  " + Stats.Summary("visit list", lists, seconds));
            Console.WriteLine("  " + Stats.Summary("intake save (3 requests)", intakes.Select(x => x.Op).ToList(), seconds));
            Console.WriteLine("  " + Stats.Summary("  POST /Intake", intakes.Select(x => x.Save).ToList(), seconds));
            Console.WriteLine("  " + Stats.Summary("  GET /Visits/Book", intakes.Select(x => x.Form).ToList(), seconds));
            Console.WriteLine("  " + Stats.Summary("  POST /Visits/Book", intakes.Select(x => x.Book).ToList(), seconds));
            var list2 = new Stats("visit list");
            var op2 = new Stats("intake save (3 requests)");
            var save2 = new Stats("  POST /Intake");
            var form2 = new Stats("  GET /Visits/Book");
            var book2 = new Stats("  POST /Visits/Book");
            var dash2 = new Stats("dashboard");
            await Phase("together: 32 visit lists + 16 intakes + 2 dashboards", seconds,
                ct => field.Select(s => VisitList(s, list2, ct)).Concat(clerks.Select((s, i) => Intake(s, 100 + i, op2, save2, form2, book2, ct)))
                    .Concat(chiefs.Select(s => Dashboard(s, dash2, ct))), list2, op2, save2, form2, book2, dash2);

            // Every write the clients were told succeeded is in the database.
            var (complaints, linked, visits) = CountWrites(folder, startedUtc);
            var errors = lists.Sum(l => l.Errors) + intakes.Sum(i => i.Op.Errors) + list2.Errors + op2.Errors + dash2.Errors + dashboard.Errors;
            Console.WriteLine($"writes: {saved.Count:N0} intakes acknowledged → {complaints:N0} complaints stored by the load clerks, {linked:N0} linked ones; " +
                $"{booked.Count:N0} bookings acknowledged → {visits:N0} visits stored");
            var lost = (saved.Count - complaints) + (saved.Count - linked) + (booked.Count - visits);
            Console.WriteLine($"errors: {errors}, lost writes: {lost}");
            return errors == 0 && lost == 0 ? 0 : 1;
        }
        finally
        {
            try { app.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
    }

    private static List<long> ReadCustomerIds(string folder)
    {
        using var conn = new SqliteConnection($"Data Source={Path.Combine(folder, "arisu.db")};Mode=ReadOnly");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"Id\" FROM \"Customers\"";
        var ids = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    private static (long Complaints, long Linked, long Visits) CountWrites(string folder, DateTime sinceUtc)
    {
        using var conn = new SqliteConnection($"Data Source={Path.Combine(folder, "arisu.db")};Mode=ReadOnly");
        conn.Open();
        long Scalar(string sql)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$since", sinceUtc.AddSeconds(-5));
            return (long)cmd.ExecuteScalar()!;
        }
        return (
            Scalar("SELECT COUNT(*) FROM \"Complaints\" WHERE \"CreatedBy\" LIKE 'clerk%@load.local' AND \"LinkedToId\" IS NULL AND \"CreatedAtUtc\" >= $since"),
            Scalar("SELECT COUNT(*) FROM \"Complaints\" WHERE \"CreatedBy\" LIKE 'clerk%@load.local' AND \"LinkedToId\" IS NOT NULL AND \"CreatedAtUtc\" >= $since"),
            Scalar("SELECT COUNT(*) FROM \"Visits\" WHERE \"CreatedBy\" LIKE 'clerk%@load.local' AND \"CreatedAtUtc\" >= $since"));
    }
}
