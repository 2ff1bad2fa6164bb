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

    /// <summary>CPU seconds used so far by the nodes (by process id), by every postgres process, and by the wrk runs this
    /// process has waited for.</summary>
    public static CpuUse Now(IReadOnlyCollection<int> nodes)
    {
        double node = 0, postgreSql = 0;
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
        }
        // wrk runs and exits between two readings: its time is in this process's time of waited-for children.
        return new CpuUse(node, postgreSql, Seconds("/proc/self", children: true) is var (_, wrk) ? wrk : 0);
    }

    // /proc/PID/stat: "pid (name) state …", then utime and stime (the 14th and 15th fields) and the same of the
    // children waited for (16th and 17th), in clock ticks of 100 a second.
    private static (string Name, double Seconds)? Seconds(string folder, bool children = false)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var first = children ? 13 : 11;
            return (stat[(open + 1)..close], (long.Parse(fields[first], CultureInfo.InvariantCulture) + long.Parse(fields[first + 1], CultureInfo.InvariantCulture)) / 100.0);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }
}
