using System.Globalization;

namespace HeritageRegistry.Benchmarks.Pages;

/// <summary>
/// The CPU time the web nodes, PostgreSQL's processes and wrk used over a measurement, read from Linux's /proc: on one
/// machine they share its cores, and where that time went says what limits two nodes' throughput there.
/// </summary>
public sealed record CpuUse(double Nodes, double PostgreSql, double Wrk)
{
    /// <summary>Cores busy on average over <paramref name="seconds"/>, as "nodes 1.20 + PostgreSQL 0.60 + wrk 0.15".</summary>
    public string Cores(double seconds) => string.Create(CultureInfo.InvariantCulture,
        $"nodes {Nodes / seconds:0.00} + PostgreSQL {PostgreSql / seconds:0.00} + wrk {Wrk / seconds:0.00}");

    public static CpuUse operator -(CpuUse after, CpuUse before) =>
        new(after.Nodes - before.Nodes, after.PostgreSql - before.PostgreSql, after.Wrk - before.Wrk);

    /// <summary>CPU seconds used so far by the nodes (by process id) and by every postgres and wrk process.</summary>
    public static CpuUse Now(IReadOnlyCollection<int> nodes)
    {
        double node = 0, postgreSql = 0, wrk = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id) || Seconds(folder) is not var (name, seconds))
            {
                continue;
            }
            if (nodes.Contains(id))
            {
                node += seconds;
            }
            else if (name.StartsWith("postgres", StringComparison.Ordinal))
            {
                postgreSql += seconds;
            }
            else if (name == "wrk")
            {
                wrk += seconds;
            }
        }
        return new CpuUse(node, postgreSql, wrk);
    }

    // /proc/PID/stat: "pid (name) state …", utime and stime the 14th and 15th fields, in clock ticks (100 a second).
    private static (string Name, double Seconds)? Seconds(string folder)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            return (stat[(open + 1)..close], (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }
}
