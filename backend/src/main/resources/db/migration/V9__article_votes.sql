-- People vote on shared articles as on posts and comments: one vote each, counts recounted under a row lock.
ALTER TABLE vote DROP CONSTRAINT vote_target_type_check;
ALTER TABLE vote ADD CONSTRAINT vote_target_type_check CHECK (target_type IN ('post', 'comment', 'article'));
ALTER TABLE article ADD COLUMN upvotes integer NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN downvotes integer NOT NULL DEFAULT 0;
