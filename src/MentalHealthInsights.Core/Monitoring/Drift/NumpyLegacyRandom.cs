namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// numpy's legacy global generator (<c>np.random.seed(s)</c>, MT19937) and its in-place
/// <c>shuffle</c>, reproduced draw for draw so permutation tests give numpy's p-values: seeding is
/// Matsumoto–Nishimura's <c>init_genrand</c>, and a shuffle walks i = n−1 … 1 swapping with
/// <c>random_interval(i)</c> (the next 32-bit output masked to the bit width of i, rejected while
/// above i). Not thread-safe: one instance per computation.
/// </summary>
internal sealed class NumpyLegacyRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _state = new uint[N];
    private int _index;

    /// <summary>Seeds as <c>np.random.seed(seed)</c> does for an integer seed.</summary>
    public NumpyLegacyRandom(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < N; i++)
        {
            _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        }
        _index = N;
    }

    /// <summary>The next 32-bit output (<c>genrand_int32</c>).</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }
        uint y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform integer in [0, max] as numpy's <c>random_interval</c> (max &lt; 2³²).</summary>
    public uint Interval(uint max)
    {
        if (max == 0)
        {
            return 0;
        }
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max) { }
        return value;
    }

    /// <summary>Shuffles in place as <c>np.random.shuffle</c> on a one-dimensional array.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i >= 1; i--)
        {
            int j = (int)Interval((uint)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private void Twist()
    {
        for (int k = 0; k < N; k++)
        {
            uint y = (_state[k] & 0x80000000u) | (_state[(k + 1) % N] & 0x7fffffffu);
            uint next = _state[(k + M) % N] ^ (y >> 1);
            _state[k] = (y & 1) == 0 ? next : next ^ 0x9908b0dfu;
        }
        _index = 0;
    }
}
