import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces numbered messages with the Java client and a given codec, as a JVM service's DLQ producer would. */
public class CompressedProducer {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0], topic = args[1], codec = args[2];
    int count = Integer.parseInt(args[3]);
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("compression.type", codec);
    props.put("linger.ms", "50");
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < count; i++) producer.send(new ProducerRecord<>(topic, "k" + i, codec + "-" + i + "-" + "x".repeat(200)));
      producer.flush();
    }
  }
}
