import { test, expect } from './fixtures';
import { expectAccessible, openSession, signIn } from './helpers';

test('the whole Lundy chain: said, seen, decided, fed back', async ({ browser }) => {
  // 1. Staff sign in; a wrong password gets a clear message.
  const staffContext = await browser.newContext();
  const wrong = await staffContext.newPage();
  await wrong.goto('/staff/sign-in');
  await wrong.getByLabel('Email').fill('facilitator@heard.example');
  await wrong.getByLabel('Password').fill('not-my-password');
  await wrong.getByRole('button', { name: 'Next' }).click();
  await expect(wrong.getByRole('alert')).toContainText('do not match');
  await staffContext.close();

  // 2. A facilitator opens a session and gets a join code.
  const { facilitator, code } = await openSession(browser, 'Saturday club, sports hall');

  // 3. A child on a tablet, with JavaScript off: every core form must work as plain HTML.
  const tablet = await browser.newContext({ javaScriptEnabled: false });
  const child = await tablet.newPage();
  const axeContext = await browser.newContext();
  const checker = await axeContext.newPage();
  await child.goto('/');
  await expectAccessible(child, checker);
  await child.getByLabel('Type the code your helper gives you').fill('WRONG1');
  await child.getByRole('button', { name: 'Start' }).click();
  await expect(child.getByRole('alert')).toContainText('could not find that code');
  await child.getByLabel('Type the code your helper gives you').fill(code.toLowerCase());
  await child.getByRole('button', { name: 'Start' }).click();

  // Assent: what this is, who will hear, that they need not answer, and that an adult will help.
  await expect(child.getByRole('heading', { name: 'Hello! Before we start' })).toBeVisible();
  await expect(child.getByText('SEND Transformation & Commissioning group will hear what you say.')).toBeVisible();
  await expect(child.getByText("You don't have to answer.", { exact: false })).toBeVisible();
  await expectAccessible(child, checker);
  await child.getByRole('button', { name: "Yes, let's start" }).click();

  await expect(child.getByText('Question 1 of 5')).toBeVisible();
  await expectAccessible(child, checker);
  await child.getByRole('button', { name: 'Next' }).click();
  await expect(child.getByRole('alert')).toContainText('Please choose a face');
  await child.getByText('Very happy').click();
  await child.getByRole('button', { name: 'Next' }).click();

  await expect(child.getByText('Question 2 of 5')).toBeVisible();
  await expectAccessible(child, checker);
  await child.getByRole('button', { name: 'Next' }).click();
  await expect(child.getByRole('alert')).toContainText('Please write your answer');
  await child.getByRole('textbox').fill('A quiet room where I can rest');
  await child.getByText('For the adult helping').click();
  await child.getByLabel('Supported by an adult').check();
  await child.getByRole('button', { name: 'Next' }).click();

  // A three-point scale: only the middle three faces.
  await expect(child.getByText('Question 3 of 5')).toBeVisible();
  await expect(child.getByText('Very happy')).toHaveCount(0);
  await child.getByText('Okay').click();
  await child.getByRole('button', { name: 'Next' }).click();

  // Pictures to choose, with words: more than one may be picked.
  await expect(child.getByText('Question 4 of 5')).toBeVisible();
  await expectAccessible(child, checker);
  await child.getByRole('button', { name: 'Next' }).click();
  await expect(child.getByRole('alert')).toContainText('Please choose at least one picture');
  await child.getByLabel('Swimming').check();
  await child.getByLabel('A quiet space').check();
  await child.getByRole('button', { name: 'Next' }).click();

  // A photo, or words: the child picks. A file that is not a picture is refused with a reason.
  await expect(child.getByText('Question 5 of 5')).toBeVisible();
  await expect(child.getByRole('link', { name: 'Write it' })).toBeVisible();
  await expectAccessible(child, checker);
  await child.getByLabel(/Take or choose a photo/).setInputFiles({
    name: 'park.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>'),
  });
  await child.getByRole('button', { name: 'Send' }).click();
  await expect(child.getByRole('alert')).toContainText('not something we can take');
  const jpeg = await checker.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 48;
    const pen = canvas.getContext('2d')!;
    pen.fillStyle = '#2a7'; pen.fillRect(0, 0, 64, 48);
    pen.fillStyle = '#fc3'; pen.fillRect(8, 8, 20, 20);
    return canvas.toDataURL('image/jpeg').split(',')[1];
  });
  await child.getByLabel('The people who make decisions too').check();
  await child.getByLabel(/Take or choose a photo/).setInputFiles({
    name: 'park.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64'),
  });
  await child.getByRole('button', { name: 'Send' }).click();

  // "How was today?": the child's own view of the session.
  await expect(child.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  await expectAccessible(child, checker);
  await child.getByRole('group', { name: 'Did you feel listened to today?' }).getByText('Very happy').click();
  await child.getByRole('group', { name: 'Could you say what you wanted to?' }).getByText('Happy', { exact: true }).click();
  await child.getByRole('button', { name: 'Send' }).click();

  await expect(child.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expectAccessible(child, checker);
  const receipt = (await child.getByTestId('receipt-code').textContent())!.trim();
  expect(receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(child.getByRole('img', { name: 'QR code that opens your receipt page' })).toBeVisible();
  await child.getByRole('button', { name: 'Next person' }).click();
  await expect(child.getByRole('heading', { name: "Hello! Let's start" })).toBeVisible();
  // Back on a shared tablet does not show the previous child's receipt.
  await child.goBack();
  await expect(child.getByTestId('receipt-code')).toHaveCount(0);
  await expect(child.getByText('This turn has ended.')).toBeVisible();
  await child.goto('/');

  // The next child is worried: the concern is recorded, and they can go back to where they were.
  await child.getByLabel('Type the code your helper gives you').fill(code);
  await child.getByRole('button', { name: 'Start' }).click();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  await expect(child.getByText('Question 1 of 5')).toBeVisible();
  // Bigger text and high contrast, chosen on the tablet, kept for this child's pages.
  await child.getByRole('button', { name: 'High contrast' }).click();
  await expect(child.locator('body')).toHaveClass(/high-contrast/);
  await expect(child.getByRole('button', { name: 'High contrast' })).toHaveAttribute('aria-pressed', 'true');
  await axeContext.addCookies(await tablet.cookies());
  await expectAccessible(child, checker);
  await axeContext.clearCookies();
  await child.getByRole('button', { name: 'Bigger text' }).click();
  await expect(child.locator('body')).toHaveClass(/large-text high-contrast/);
  await child.getByRole('button', { name: "I'm worried" }).click();
  await expect(child.getByRole('heading', { name: 'Thank you for telling us' })).toBeVisible();
  await expectAccessible(child, checker);
  await child.getByRole('link', { name: 'Go back to where I was' }).click();
  await expect(child.getByText('Question 1 of 5')).toBeVisible();
  await child.getByRole('button', { name: "I'd rather not say" }).click();
  await expect(child.getByText('Question 2 of 5')).toBeVisible();
  await tablet.close();

  // A child who draws. Drawing needs the enhanced page, so this tablet runs JavaScript.
  const drawingTablet = await browser.newContext();
  const artist = await drawingTablet.newPage();
  await artist.goto('/');
  await expect(artist.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await artist.getByLabel('Type the code your helper gives you').fill(code);
  await artist.getByRole('button', { name: 'Start' }).click();
  await artist.getByRole('button', { name: "Yes, let's start" }).click();
  for (const n of [1, 2, 3, 4]) {
    await expect(artist.getByText(`Question ${n} of 5`)).toBeVisible();
    await artist.getByRole('button', { name: "I'd rather not say" }).click();
  }
  await expect(artist.getByText('Question 5 of 5')).toBeVisible();
  await artist.getByRole('link', { name: 'Draw it' }).click();
  const canvas = artist.getByRole('img', { name: /Drawing area/ });
  await expect(artist.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expectAccessible(artist);
  await artist.getByLabel('Red').check();
  await artist.getByLabel('Thick').check();
  const box = (await canvas.boundingBox())!;
  const stroke = async (from: [number, number], to: [number, number]) => {
    await artist.mouse.move(box.x + from[0], box.y + from[1]);
    await artist.mouse.down();
    await artist.mouse.move(box.x + to[0], box.y + to[1], { steps: 12 });
    await artist.mouse.up();
  };
  await stroke([40, 40], [300, 200]);
  await stroke([300, 40], [40, 200]);
  await artist.getByRole('button', { name: 'Undo' }).click();
  const redPixels = () => canvas.evaluate((c: HTMLCanvasElement) => {
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] > 180 && pixels[i + 1] < 100) count++;
    return count;
  });
  expect(await redPixels()).toBeGreaterThan(500);
  // The Wi-Fi drops while sending: the child is told, and the drawing waits for another try.
  await artist.route('**/take/*/media', (route) => route.abort('internetdisconnected'));
  await artist.getByRole('button', { name: 'Send' }).click();
  await expect(artist.getByRole('alert')).toContainText('could not be sent');
  expect(await redPixels()).toBeGreaterThan(500);
  await artist.unroute('**/take/*/media');
  await artist.getByRole('button', { name: 'Send' }).click();
  await expect(artist.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  await drawingTablet.close();

  // A child who speaks: record, watch the timer and level, listen back, then send.
  const speakingTablet = await browser.newContext({
    permissions: ['microphone'],
  });
  const speaker = await speakingTablet.newPage();
  await speaker.goto('/');
  await expect(speaker.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await speaker.getByLabel('Type the code your helper gives you').fill(code);
  await speaker.getByRole('button', { name: 'Start' }).click();
  await speaker.getByRole('button', { name: "Yes, let's start" }).click();
  for (const n of [1, 2, 3, 4]) {
    await expect(speaker.getByText(`Question ${n} of 5`)).toBeVisible();
    await speaker.getByRole('button', { name: "I'd rather not say" }).click();
  }
  await speaker.getByRole('link', { name: 'Say it' }).click();
  await expect(speaker.getByText('You can record for up to 2 minutes.')).toBeVisible();
  await expectAccessible(speaker);
  await speaker.getByRole('button', { name: 'Start recording' }).click();
  await expect(speaker.getByRole('status')).toContainText('Recording 0:0');
  await expect(speaker.getByText('Recording 0:01 of 2:00')).toBeVisible();
  await speaker.getByRole('button', { name: 'Stop' }).click();
  const playback = speaker.getByLabel('Your recording');
  await expect(playback).toBeVisible();
  await expectAccessible(speaker);
  await speaker.getByRole('button', { name: 'Send' }).click();
  await expect(speaker.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  await speakingTablet.close();

  // 4. The facilitator sees the session's contributions, the concern and "How was today?".
  await facilitator.reload();
  await expect(facilitator.getByText('What children said (16)')).toBeVisible();
  await expect(facilitator.getByText('Swimming, A quiet space')).toBeVisible();
  await expect(facilitator.getByText('A quiet room where I can rest')).toBeVisible();
  await expect(facilitator.getByText("I'd rather not say")).toHaveCount(9);
  await expect(facilitator.getByRole('heading', { name: 'Concerns raised (1)' })).toBeVisible();
  await expect(facilitator.getByText(/A child pressed "I'm worried"/)).toBeVisible();
  await expect(facilitator.getByText('How was today? (1 children answered)')).toBeVisible();
  const thumbnail = facilitator.getByRole('img', { name: /Photo a child sent/ });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await expect(facilitator.getByText('Who may see it: Decision makers')).toBeVisible();
  await expect(facilitator.getByLabel(/Voice recording a child sent/)).toBeVisible();
  const drawing = facilitator.getByRole('img', { name: /Drawing a child sent/ });
  await expect(drawing).toBeVisible();
  expect(await drawing.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  const quiet = facilitator.locator('.contribution', { hasText: 'A quiet room where I can rest' });
  await expect(quiet.getByText('Text, supported by an adult')).toBeVisible();
  // After the child answered, the facilitator records that an adult interpreted the photo.
  await expect(facilitator.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  const photo = facilitator.locator('.contribution', { hasText: 'Who may see it: Decision makers' });
  await photo.getByLabel('How the child answered').selectOption('interpreted');
  await photo.getByRole('button', { name: 'Save' }).click();
  await expect(photo.getByText("Photo, adult's interpretation")).toBeVisible();
  // What the child said in the recording, in English beside it, naming the language they spoke.
  const recording = facilitator.locator('.contribution', { has: facilitator.getByLabel(/Voice recording a child sent/) });
  await recording.getByText('Add what the child said').click();
  await recording.getByLabel('Spoken in').selectOption({ label: 'Urdu' });
  await recording.getByLabel('What the child said').fill('I would like a quiet room too.');
  await expectAccessible(facilitator);
  await recording.getByRole('button', { name: 'Save what the child said' }).click();
  await expect(recording.getByText('Spoken in Urdu. In English: I would like a quiet room too.')).toBeVisible();

  // 5. A commissioner records a decision, links the contribution and publishes feedback.
  const commissioner = await signIn(browser, 'commissioner@heard.example', 'demo-commissioner-password');
  await commissioner.getByRole('link', { name: 'Record a decision' }).click();
  await commissioner.getByLabel('Priority').selectOption({ label: '8. Develop our short breaks offer' });
  await commissioner.getByLabel('Title').fill('Quiet rooms at short breaks');
  await commissioner.getByLabel('What was decided').fill('Every short break we commission will have a quiet room.');
  await commissioner.getByLabel('Status').selectOption('agreed');
  await commissioner.getByLabel('Date of the decision').fill('2026-11-20');
  await commissioner.getByRole('button', { name: 'Record the decision' }).click();
  await expect(commissioner.getByRole('heading', { name: 'Quiet rooms at short breaks' })).toBeVisible();
  const option = commissioner.locator('#contribution option', { hasText: 'A quiet room where I can rest' });
  await commissioner.getByLabel('Contribution').selectOption(await option.getAttribute('value'));
  await commissioner.getByLabel('How it shaped the decision').fill('You told us you need somewhere quiet to rest.');
  await commissioner.getByRole('button', { name: 'Link' }).click();
  await expect(commissioner.getByText('Because: You told us you need somewhere quiet to rest.')).toBeVisible();
  await commissioner.getByLabel('Message', { exact: true }).fill('We will make sure every short break has a quiet room.');
  await commissioner.getByLabel('Easy-read message').fill('Quiet rooms. Yes, we will do it.');
  await commissioner.getByRole('button', { name: 'Publish to the children' }).click();
  await expect(commissioner.getByText(/Published on/)).toBeVisible();

  // 6. With the receipt code the child sees what they said and what was done, read aloud on tap.
  const later = await browser.newContext();
  const home = await later.newPage();
  await home.addInitScript(() => {
    (window as any).__spoken = [];
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => { (window as any).__spoken.push(u.text); };
  });
  await home.goto('/receipt');
  await home.getByLabel('Type your receipt code').fill('NOPE-NOPE');
  await home.getByRole('button', { name: 'Show me' }).click();
  await expect(home.getByRole('alert')).toContainText('could not find that receipt code');
  await home.getByLabel('Type your receipt code').fill(receipt);
  await home.getByRole('button', { name: 'Show me' }).click();
  await expect(home.getByRole('heading', { name: 'You said, we did' })).toBeVisible();
  await expect(home.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  const said = home.locator('.said', { hasText: 'A quiet room where I can rest' });
  await expect(said.getByText('Quiet rooms. Yes, we will do it.')).toBeVisible();

  // 7. The trail: Space, Voice, Audience, Influence.
  await expect(said.getByText('Saturday club, sports hall')).toBeVisible();
  await expect(said.getByText('SEND Transformation & Commissioning group heard it on 20 November 2026.')).toBeVisible();
  await expectAccessible(home);
  await said.getByRole('button', { name: 'Read what we did aloud' }).click();
  await said.getByRole('button', { name: 'Read what happened aloud' }).click();
  const spoken: string[] = await home.evaluate(() => (window as any).__spoken);
  expect(spoken[0]).toContain('Quiet rooms. Yes, we will do it.');
  // The whole trail is read, not only the question: what they said, where, and who heard it.
  expect(spoken[1]).toContain('What would make a short break really good for you?');
  expect(spoken[1]).toContain('You said: A quiet room where I can rest');
  expect(spoken[1]).toContain('Who heard it: SEND Transformation & Commissioning group heard it on 20 November 2026.');

  await facilitator.reload();
  const trail = facilitator.locator('.contribution', { hasText: 'A quiet room where I can rest' });
  await expect(trail.getByText('Heard by SEND Transformation & Commissioning group on 20 November 2026')).toBeVisible();
  await expect(trail.getByText(/Quiet rooms at short breaks \(Agreed; fed back on/)).toBeVisible();
});
