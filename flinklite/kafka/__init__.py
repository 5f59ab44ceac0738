"""Command-line Kafka tools on librdkafka: the StreamsHub data generator producing into Kafka
(`flinklite datagen`) and a topic reader that decodes records (`flinklite topic tail`)."""
