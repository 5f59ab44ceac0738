"""StreamsHub-compatible data generators: the tutorial data sets (sales, clickStream,
internationalSales) as seedable Python generators with event timestamps."""

from flinklite.datagen.streamshub import (
    BATCH_SIZES,
    DATA_SETS,
    TOPICS,
    Record,
    StreamsHubGenerator,
    record_csv,
)

__all__ = ["BATCH_SIZES", "DATA_SETS", "TOPICS", "Record", "StreamsHubGenerator", "record_csv"]
