// The review queue's re-import jobs panel follows its jobs: every few seconds, while one is
// queued or running ([data-job-pending]), it asks Wagtail's w-swap controller on the same
// element to reload the panel's fragment; it stops once none is pending.
window.wagtail.app.register(
  'legacy-jobs-poll',
  class extends window.StimulusModule.Controller {
    static values = { interval: { type: Number, default: 3000 } };

    connect() {
      this.timer = setInterval(() => this.tick(), this.intervalValue);
    }

    disconnect() {
      clearInterval(this.timer);
    }

    tick() {
      if (!this.element.querySelector('[data-job-pending]')) {
        clearInterval(this.timer);
        return;
      }
      this.dispatch('tick');
    }
  },
);
