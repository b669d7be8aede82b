package io.kursfilm.platform.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.kernel.FromPeer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Carries {@link CacheNotice}s between the app nodes over a topic of Payara's Hazelcast data grid,
 * so a change on one node (a shred, a frozen tenant, an archived video) binds the others at once
 * instead of when their caches expire. Without a data grid (a single node started with {@code
 * --nocluster}) it does nothing: the changes still reach every cache through its TTL, as they reach
 * the standalone workers, which are not members of the grid.
 *
 * <p>A notice is published after the transaction that made the change committed, so a peer that
 * reads again sees the new state; the peer re-fires it with {@link FromPeer}, which this bean does
 * not forward.
 */
@ApplicationScoped
public class ClusterNotices {

  static final String TOPIC = "kursfilm.cache-notices";
  private static final String GRID = "payara/Hazelcast";
  private static final Logger LOG = Logger.getLogger(ClusterNotices.class.getName());

  @Inject @FromPeer Event<CacheNotice> fromPeers;

  private ITopic<String> topic;
  private UUID listener;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    try {
      HazelcastInstance grid = InitialContext.doLookup(GRID);
      topic = grid.getTopic(TOPIC);
      listener = topic.addMessageListener(this::receive);
      LOG.info(
          () ->
              "cache notices shared with "
                  + (grid.getCluster().getMembers().size() - 1)
                  + " other node(s) of the data grid");
    } catch (NamingException | RuntimeException noGrid) {
      LOG.info("no data grid (single node): cache notices stay on this node");
    }
  }

  @PreDestroy
  void stop() {
    if (topic != null) {
      topic.removeMessageListener(listener);
    }
  }

  /** Whether this node shares its notices with others; for readiness and tests. */
  public boolean clustered() {
    return topic != null;
  }

  void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default CacheNotice notice) {
    if (topic != null) {
      try {
        topic.publish(notice.encode());
      } catch (RuntimeException e) {
        // The peers' TTLs still bound how long they act on what they kept.
        LOG.log(Level.WARNING, "cache notice not shared: {0}", e.toString());
      }
    }
  }

  private void receive(Message<String> message) {
    if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
      return;
    }
    try {
      CacheNotice notice = CacheNotice.decode(message.getMessageObject());
      if (notice.tenantWide()) {
        // Rare (offboarding, shred) and worth seeing; a tenant id is not personal data.
        LOG.info(() -> "tenant " + notice.tenantId() + " changed on another node");
      }
      fromPeers.fire(notice);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cache notice from a peer not applied: {0}", e.toString());
    }
  }
}
