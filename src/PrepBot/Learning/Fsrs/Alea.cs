namespace PrepBot.Learning.Fsrs;

/// <summary>
/// Johannes Baagøe's Alea generator with its Mash string hash, as ts-fsrs 5.4.2 uses it to fuzz intervals. Reproduced
/// operation for operation (JavaScript numbers are doubles; <c>x &gt;&gt;&gt; 0</c> and <c>x | 0</c> are ToUint32 and
/// ToInt32), so a seed string gives the same sequence here as in ts-fsrs.
/// </summary>
internal sealed class Alea
{
    private const double TwoPower32 = 4294967296;
    private const double TwoPowerMinus32 = 2.3283064365386963e-10;

    private double _c;
    private double _s0;
    private double _s1;
    private double _s2;

    public Alea(string seed)
    {
        var mash = new Mash();
        _c = 1;
        _s0 = mash.Next(" ");
        _s1 = mash.Next(" ");
        _s2 = mash.Next(" ");
        _s0 -= mash.Next(seed);
        if (_s0 < 0)
        {
            _s0 += 1;
        }

        _s1 -= mash.Next(seed);
        if (_s1 < 0)
        {
            _s1 += 1;
        }

        _s2 -= mash.Next(seed);
        if (_s2 < 0)
        {
            _s2 += 1;
        }
    }

    /// <summary>The next number in [0, 1).</summary>
    public double Next()
    {
        var t = (2091639 * _s0) + (_c * TwoPowerMinus32);
        _s0 = _s1;
        _s1 = _s2;
        _c = ToInt32(t);
        _s2 = t - _c;
        return _s2;
    }

    private static double ToUint32(double value)
    {
        var truncated = Math.Truncate(value) % TwoPower32;
        return truncated < 0 ? truncated + TwoPower32 : truncated;
    }

    private static double ToInt32(double value)
    {
        var unsigned = ToUint32(value);
        return unsigned >= 2147483648 ? unsigned - TwoPower32 : unsigned;
    }

    private sealed class Mash
    {
        private double _n = 4022871197;

        public double Next(string data)
        {
            foreach (var unit in data)
            {
                _n += unit;
                var h = 0.02519603282416938 * _n;
                _n = ToUint32(h);
                h -= _n;
                h *= _n;
                _n = ToUint32(h);
                h -= _n;
                _n += h * TwoPower32;
            }

            return ToUint32(_n) * TwoPowerMinus32;
        }
    }
}
