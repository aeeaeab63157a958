import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/** Deletes a partition's records below an offset, as retention would: kafkajs's DeleteRecords is refused by Kafka 4. */
public class DeleteRecords {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    try (Admin admin = Admin.create(props)) {
      TopicPartition partition = new TopicPartition(args[1], Integer.parseInt(args[2]));
      admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(Long.parseLong(args[3])))).all().get();
    }
  }
}
