namespace Shigan.Data.Generate;

/// <summary>
/// Where the generator puts the rows it makes: the caller's bulk path (PostgreSQL COPY, SQLite prepared inserts).
/// Rows wait until <see cref="Flush"/>, which writes every table in the order it was first given a row (parents
/// first), in one transaction. Ids are the generator's: set before adding.
/// </summary>
public interface IRowSink
{
    void Add<T>(T row)
        where T : class;

    void Flush();
}
